/// Splits a migration's SQL text into statements, because PostgreSQL's extended query protocol (which
/// PostgresNIO uses) runs one statement per query.
///
/// Understands what can hide a `;`: single-quoted strings (`''` escapes), `E'…'` strings (backslash
/// escapes), double-quoted identifiers, dollar-quoted strings (`$$…$$`, `$body$…$body$`), line
/// comments (`--`) and nested block comments. Statements holding only comments or whitespace are
/// dropped. Not supported: SQL-standard function bodies (`BEGIN ATOMIC … END`); write function
/// bodies dollar-quoted instead.
public enum SQLStatementSplitter {
    /// One statement and the 1-based line it starts on (for error messages).
    public struct Statement: Sendable, Hashable {
        /// The statement text without the terminating `;`, trimmed.
        public let sql: String
        /// The line of the migration text where the statement starts.
        public let line: Int
    }

    /// Splits `sql`.
    /// - Throws: ``MigrationError/Code-swift.struct/invalidSQL`` for an unterminated quote, dollar quote or
    ///   block comment, naming the line where it starts.
    public static func split(_ sql: String) throws(MigrationError) -> [Statement] {
        let bytes = Array(sql.utf8)
        var statements: [Statement] = []
        var start = 0
        var startLine = 1
        var line = 1
        var hasContent = false
        var index = 0

        /// Marks the current byte as the first of the statement's text, if none was seen yet, so that
        /// leading blanks and comments are not part of the statement.
        func markContent() {
            guard !hasContent else { return }
            hasContent = true
            start = index
            startLine = line
        }

        func finishStatement(upTo end: Int) {
            if hasContent {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                statements.append(Statement(sql: text.trimmingTrailingWhitespace(), line: startLine))
            }
            hasContent = false
        }

        func unterminated(_ what: String, from openingLine: Int) -> MigrationError {
            MigrationError(code: .invalidSQL, message: "unterminated \(what) starting on line \(openingLine)")
        }

        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                let openingLine = line
                var depth = 0
                repeat {
                    guard index < bytes.count else { throw unterminated("block comment", from: openingLine) }
                    if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                    } else {
                        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                        index += 1
                    }
                } while depth > 0
            case UInt8(ascii: "'"):
                let isEscapeString =
                    index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                    && (index < 2 || !isIdentifierByte(bytes[index - 2]))
                markContent()
                let openingLine = line
                index += 1
                while true {
                    guard index < bytes.count else { throw unterminated("string", from: openingLine) }
                    let current = bytes[index]
                    if current == UInt8(ascii: "\n") { line += 1 }
                    if isEscapeString, current == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    index += 1
                    if current == UInt8(ascii: "'") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                            index += 1
                        } else {
                            break
                        }
                    }
                }
            case UInt8(ascii: "\""):
                markContent()
                let openingLine = line
                index += 1
                while true {
                    guard index < bytes.count else { throw unterminated("quoted identifier", from: openingLine) }
                    let current = bytes[index]
                    if current == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                    if current == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            index += 1
                        } else {
                            break
                        }
                    }
                }
            case UInt8(ascii: "$") where index == 0 || !isIdentifierByte(bytes[index - 1]):
                markContent()
                guard let tagEnd = dollarTagEnd(bytes, from: index) else {
                    index += 1
                    continue
                }
                let tag = Array(bytes[index...tagEnd])
                let openingLine = line
                index = tagEnd + 1
                while true {
                    guard index < bytes.count else { throw unterminated("dollar-quoted string", from: openingLine) }
                    if bytes[index] == UInt8(ascii: "$"), bytes[index...].starts(with: tag) {
                        index += tag.count
                        break
                    }
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
            case UInt8(ascii: ";"):
                finishStatement(upTo: index)
                index += 1
            default:
                if !isWhitespace(byte) { markContent() }
                index += 1
            }
        }
        finishStatement(upTo: bytes.count)
        for statement in statements {
            try rejectTransactionControl(statement)
        }
        return statements
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `start`, or `nil` when the `$`
    /// there does not open a dollar quote (for example a `$1` parameter).
    private static func dollarTagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$") { return index }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isIdentifierByte(byte), !(index == start + 1 && isDigit) else { return nil }
            index += 1
        }
        return nil
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == 0x0C
    }

    private static let transactionControlKeywords: Set<String> = [
        "begin", "commit", "rollback", "start", "end", "abort", "savepoint", "release",
    ]

    private static func rejectTransactionControl(_ statement: Statement) throws(MigrationError) {
        let withoutComments = statement.sql.split(separator: "\n").filter { !$0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("--") }
        let firstWord = withoutComments.joined(separator: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == ";" }).first?.lowercased()
        if let firstWord, transactionControlKeywords.contains(firstWord) {
            throw MigrationError(
                code: .invalidSQL,
                message: "statement on line \(statement.line) is transaction control ('\(firstWord.uppercased())'); "
                    + "each migration already runs in its own transaction"
            )
        }
    }
}

extension String {
    /// The string without trailing whitespace.
    fileprivate func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}
