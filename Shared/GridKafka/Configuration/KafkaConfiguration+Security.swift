extension KafkaConfiguration {
    /// librdkafka's `security.protocol`.
    public struct SecurityProtocol: Sendable, Hashable, CustomStringConvertible {
        /// The librdkafka value, e.g. `sasl_ssl`.
        public let name: String

        private init(name: String) {
            self.name = name
        }

        /// No TLS, no SASL.
        public static let plaintext = SecurityProtocol(name: "plaintext")
        /// TLS, no SASL.
        public static let ssl = SecurityProtocol(name: "ssl")
        /// SASL without TLS.
        public static let saslPlaintext = SecurityProtocol(name: "sasl_plaintext")
        /// SASL over TLS.
        public static let saslSSL = SecurityProtocol(name: "sasl_ssl")

        /// Every protocol librdkafka accepts.
        public static let all: [SecurityProtocol] = [.plaintext, .ssl, .saslPlaintext, .saslSSL]

        /// Parses a librdkafka value, ignoring case; `nil` if unknown.
        public init?(parsing text: String) {
            guard let known = Self.all.first(where: { $0.name == text.lowercased() }) else { return nil }
            self = known
        }

        /// Whether the protocol uses SASL.
        public var usesSASL: Bool { self == .saslPlaintext || self == .saslSSL }

        /// The librdkafka value.
        public var description: String { self.name }
    }

    /// SASL settings.
    public struct SASL: Sendable, Hashable {
        /// `sasl.mechanism`.
        public var mechanism: Mechanism
        /// `sasl.username`.
        public var username: String
        /// `sasl.password`. Never printed.
        public var password: String

        /// Creates SASL settings.
        public init(mechanism: Mechanism, username: String, password: String) {
            self.mechanism = mechanism
            self.username = username
            self.password = password
        }

        /// librdkafka's `sasl.mechanism`.
        public struct Mechanism: Sendable, Hashable, CustomStringConvertible {
            /// The librdkafka value, e.g. `SCRAM-SHA-512`.
            public let name: String

            private init(name: String) {
                self.name = name
            }

            /// `PLAIN`.
            public static let plain = Mechanism(name: "PLAIN")
            /// `SCRAM-SHA-256`.
            public static let scramSHA256 = Mechanism(name: "SCRAM-SHA-256")
            /// `SCRAM-SHA-512`.
            public static let scramSHA512 = Mechanism(name: "SCRAM-SHA-512")

            /// Every mechanism GridKafka accepts (username/password based).
            public static let all: [Mechanism] = [.plain, .scramSHA256, .scramSHA512]

            /// Parses a mechanism name, ignoring case; `nil` if unknown.
            public init?(parsing text: String) {
                guard let known = Self.all.first(where: { $0.name == text.uppercased() }) else { return nil }
                self = known
            }

            /// The librdkafka value.
            public var description: String { self.name }
        }
    }
}
