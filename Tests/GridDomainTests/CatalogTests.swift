import Testing
import GridDomain
import TestSupport

@Suite struct CatalogTests {
    func loadError(_ rows: [String]) -> DataFileError? {
        let text = (["code,name,filing_standard,closing_standard,urgency,verify_public_reports"] + rows).joined(separator: "\n")
        do {
            _ = try CategoryCatalog(csv: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theSampleCatalogCoversTheNationalStandardAndSocialGovernance() throws {
        let catalog = try SampleCity.reference().catalog
        #expect(catalog.minorClasses.count >= 120)
        let majors = catalog.majorClasses.map(\.description)
        #expect(majors == ["C01", "C02", "C03", "C04", "C05", "C06", "E01", "E02", "E03", "E04", "E05", "E06",
                           "G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08", "G09"])
        let names = majors.map { catalog.definition(try! CategoryCode($0))!.name }
        #expect(names == ["公用设施", "道路交通", "市容环境", "园林绿化", "房屋土地", "其他设施",
                          "市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "其他事件",
                          "矛盾纠纷", "涉稳事件", "安全生产与安全隐患", "治安刑事", "消防隐患", "食品药品安全",
                          "环境污染", "出租房屋与流动人口", "特殊人群服务"])
        for major in catalog.majorClasses { #expect(catalog.minorClasses(of: major).count >= 3, "\(major)") }
        for code in catalog.minorClasses {
            let definition = try #require(catalog.definition(code))
            #expect(!definition.filingStandard.isEmpty && !definition.closingStandard.isEmpty)
            #expect(definition.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(code) has a Chinese name")
        }
    }

    @Test func theSharedFixedCodesHaveTheirAgreedNames() throws {
        let catalog = try SampleCity.reference().catalog
        let expected = [
            "C0101": "上水井盖", "C0102": "污水井盖", "E0101": "私搭乱建", "E0102": "暴露垃圾",
            "E0103": "积存垃圾渣土", "E0104": "道路不洁", "E0105": "水域不洁", "E0106": "绿地脏乱",
        ]
        for (code, name) in expected {
            #expect(catalog.definition(try CategoryCode(code))?.name == name)
        }
    }

    @Test func definitionsCarryUrgencyAndVerification() throws {
        let catalog = try TinyCity.catalog()
        let cover = try #require(catalog.definition(TinyCity.category("C0101")))
        #expect(cover.defaultUrgency == .urgent)
        #expect(cover.verifyPublicReports)
        let rubbish = try #require(catalog.definition(TinyCity.category("E0102")))
        #expect(rubbish.defaultUrgency == .normal)
        #expect(!rubbish.verifyPublicReports)
        let dispute = try #require(catalog.definition(TinyCity.category("G0101")))
        #expect(dispute.defaultUrgency == .normal && dispute.verifyPublicReports)  // empty columns: defaults
        #expect(catalog.minorClasses(of: TinyCity.category("E01")).map(\.description) == ["E0102", "E0104"])
        #expect(catalog.minorClasses(covering: TinyCity.category("E0104")).map(\.description) == ["E0104"])
        #expect(catalog.minorClasses(covering: TinyCity.category("E01")).count == 2)
        #expect(CategoryDefinition.Urgency(parsing: "特急") == .emergency)
    }

    @Test func loaderErrorsCarryLineNumbers() throws {
        let duplicate = try #require(loadError(["E01,市容环境,,,,", "E0102,暴露垃圾,a,b,,", "E0102,暴露垃圾,a,b,,"]))
        #expect(duplicate.file == "catalog.csv")
        #expect(duplicate.line == 4)
        #expect(duplicate.message.contains("appears twice (first on line 3)"))

        let urgency = try #require(loadError(["E01,市容环境,,,,", "E0102,暴露垃圾,a,b,very,"]))
        #expect(urgency.line == 3)
        #expect(urgency.message.contains("unknown urgency 'very'"))

        let verify = try #require(loadError(["E01,市容环境,,,,", "E0102,暴露垃圾,a,b,,maybe"]))
        #expect(verify.line == 3)
        #expect(verify.message.contains("yes or no"))

        let standard = try #require(loadError(["E01,市容环境,,,,", "E0102,暴露垃圾,a,,,"]))
        #expect(standard.line == 3)
        #expect(standard.message.contains("closing_standard"))

        let orphan = try #require(loadError(["E01,市容环境,,,,", "E0201,非法小广告,a,b,,"]))
        #expect(orphan.line == 3)
        #expect(orphan.message.contains("大类 E02, which is not in the file"))

        let code = try #require(loadError(["E01,市容环境,,,,", "E010,暴露垃圾,a,b,,"]))
        #expect(code.line == 3)
        #expect(code.message.contains("invalid category code 'E010'"))

        let name = try #require(loadError(["E01,,,,,"]))
        #expect(name.line == 2)
        #expect(name.message == "column 'name' is empty")
    }

    @Test func aCatalogBuiltInCodeChecksItsClasses() {
        let minor = CategoryDefinition(code: TinyCity.category("E0102"), name: "暴露垃圾")
        #expect(throws: CatalogError.self) { try CategoryCatalog([minor]) }
        let major = CategoryDefinition(code: TinyCity.category("E01"), name: "市容环境")
        #expect(throws: CatalogError.self) { try CategoryCatalog([major, minor, minor]) }
        #expect((try? CategoryCatalog([minor, major]))?.minorClasses.count == 1)
    }
}
