import Foundation
import GridDomain
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small JSON client for the services' HTTP APIs (URLSession).
///
/// ```swift
/// let response = try await stack.http.post(stack.url(.intake, "/v1/reports"), json: report, token: token)
/// #expect(response.status == 201)
/// let view = try response.decode(CaseView.self)        // or response.object()?["snapshot"]
/// ```
struct JSONHTTPClient: Sendable {
    /// An answer: status, headers and body.
    struct Response: Sendable, CustomStringConvertible {
        /// The HTTP status code.
        var status: Int
        /// Response headers (names as the server sent them).
        var headers: [String: String]
        /// The body bytes.
        var body: Data

        /// The body as text.
        var text: String { String(decoding: self.body, as: UTF8.self) }

        /// The body decoded as `Value` with the contracts' JSON conventions (RFC 3339 timestamps).
        func decode<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
            try JSONHTTPClient.decoder.decode(Value.self, from: self.body)
        }

        /// The body as a JSON object (`nil` when it is not one).
        func object() -> [String: Any]? {
            (try? JSONSerialization.jsonObject(with: self.body)) as? [String: Any]
        }

        var description: String { "HTTP \(self.status): \(self.text.prefix(2000))" }
    }

    /// Longest wait for one request. Default 30 s.
    var timeout: TimeInterval = 30

    /// `GET url`.
    func get(_ url: URL, token: String? = nil) async throws -> Response {
        try await self.send("GET", url, body: nil, token: token)
    }

    /// `POST url` with an `Encodable` body (JSON).
    func post(_ url: URL, json body: some Encodable, token: String? = nil) async throws -> Response {
        try await self.send("POST", url, body: try JSONHTTPClient.encoder.encode(body), token: token)
    }

    /// `POST url` with a JSON object built from dictionaries and arrays.
    func post(_ url: URL, object body: [String: Any], token: String? = nil) async throws -> Response {
        try await self.send("POST", url, body: try JSONSerialization.data(withJSONObject: body), token: token)
    }

    /// Any method, with optional raw JSON body and bearer token.
    func send(_ method: String, _ url: URL, body: Data?, token: String?) async throws -> Response {
        var request = URLRequest(url: url, timeoutInterval: self.timeout)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw LocalStackError("\(method) \(url): not an HTTP response")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return Response(status: http.statusCode, headers: headers, body: data)
    }

    /// The contracts' encoder (sorted keys, UTC timestamps with milliseconds).
    static var encoder: JSONEncoder { ContractJSON.encoder }
    /// The contracts' decoder (RFC 3339 timestamps with any offset).
    static var decoder: JSONDecoder { ContractJSON.decoder }
}
