import GridDomain
import NotificationService
import Testing

@Suite("Templates")
struct TemplateTests {
    @Test("placeholders are replaced once, spaces inside braces allowed, missing values render empty")
    func rendering() throws {
        let text = try TemplateText("案件{{caseNumber}}（{{ categoryName }}）{{grid}}：{{explanation}}")
        let rendered = text.render([.caseNumber: "LJ1", .categoryName: "暴露垃圾", .explanation: "{{caseNumber}}"])
        #expect(rendered == "案件LJ1（暴露垃圾）：{{caseNumber}}")
        #expect(text.fields == [.caseNumber, .categoryName, .grid, .explanation])
    }

    @Test("single braces are text")
    func singleBraces() throws {
        #expect(try TemplateText("{a} }{ {{caseId}}}").render([.caseId: "x"]) == "{a} }{ x}")
    }

    @Test("an unknown field is refused with the list of fields")
    func unknownField() {
        #expect {
            try TemplateText("你好{{callerName}}")
        } throws: { error in
            let message = (error as? TemplateSyntaxError)?.message ?? ""
            return message.contains("unknown field '{{callerName}}'") && message.contains("caseNumber")
        }
    }

    @Test("an unclosed placeholder is refused")
    func unclosed() {
        #expect(throws: TemplateSyntaxError.self) { try TemplateText("案件{{caseNumber") }
    }

    @Test("templates.csv: multi-line bodies, errors with file and line")
    func templatesFile() throws {
        let templates = try MessageTemplate.templates(
            csv: "template,title,body\nt-1,标题{{caseNumber}},\"第一行\n第二行{{grid}}\"\n", file: "templates.csv")
        let template = try #require(templates["t-1"])
        #expect(template.render([.caseNumber: "A", .grid: "G"]) == ("标题A", "第一行\n第二行G"))

        #expect {
            try MessageTemplate.templates(csv: "template,title,body\nok,a,b\nbad,x,{{nope}}\n", file: "templates.csv")
        } throws: { error in
            (error as? DataFileError).map { $0.line == 3 && $0.message.contains("body of bad") } ?? false
        }
        #expect {
            try MessageTemplate.templates(csv: "template,title,body\nBad Name,x,y\n", file: "templates.csv")
        } throws: { error in (error as? DataFileError)?.line == 2 }
        #expect {
            try MessageTemplate.templates(csv: "template,title,body\na,x,y\na,x,y\n", file: "templates.csv")
        } throws: { error in (error as? DataFileError)?.message.contains("defined twice (first on line 2)") ?? false }
    }
}
