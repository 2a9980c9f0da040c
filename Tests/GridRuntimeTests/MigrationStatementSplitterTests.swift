import GridRuntime
import Testing

@Suite("Splitting migration SQL into statements")
struct MigrationStatementSplitterTests {
    @Test("semicolons inside quotes, dollar quotes, identifiers and comments do not split")
    func hiddenSemicolons() throws {
        let sql = """
            -- a comment; with a semicolon
            CREATE TABLE "odd;name" (note text DEFAULT 'a;b''c');
            /* block; /* nested; */ still comment */
            CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$
            BEGIN
                RETURN 'x;y';
            END;
            $body$;
            SELECT E'it\\'s; fine', $$dollar;$$, $1::int;
            """
        let statements = try SQLStatementSplitter.split(sql)
        #expect(statements.count == 3)
        #expect(statements[0].sql == #"CREATE TABLE "odd;name" (note text DEFAULT 'a;b''c')"#)
        #expect(statements[0].line == 2)
        #expect(statements[1].sql.hasPrefix("CREATE FUNCTION"))
        #expect(statements[1].line == 4)
        #expect(statements[1].sql.hasSuffix("$body$"))
        #expect(statements[2].sql == #"SELECT E'it\'s; fine', $$dollar;$$, $1::int"#)
        #expect(statements[2].line == 9)
    }

    @Test("statements that are only comments or blank are dropped")
    func dropsEmptyStatements() throws {
        let statements = try SQLStatementSplitter.split("SELECT 1;;\n  ;\n-- trailing comment\n")
        #expect(statements.map(\.sql) == ["SELECT 1"])
    }

    @Test(
        "unterminated quotes and comments are errors naming the line",
        arguments: ["SELECT 1;\nSELECT 'open", "SELECT 1;\n/* open", "SELECT 1;\nSELECT $x$ open", "SELECT 1;\nSELECT \"open"]
    )
    func unterminated(sql: String) throws {
        let error = try #require(throws: MigrationError.self) { try SQLStatementSplitter.split(sql) }
        #expect(error.code == .invalidSQL)
        #expect(error.message.contains("line 2"))
    }

    @Test("transaction control is refused", arguments: ["BEGIN", "commit", "  ROLLBACK", "START TRANSACTION"])
    func transactionControl(statement: String) throws {
        let error = try #require(throws: MigrationError.self) {
            try SQLStatementSplitter.split("CREATE TABLE a (id int);\n\(statement);")
        }
        #expect(error.code == .invalidSQL)
    }
}
