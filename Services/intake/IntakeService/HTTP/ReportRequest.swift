import Foundation
import GridDomain
import GridRuntime

/// The body of `POST /v1/reports`: a report by a supervisor, grid worker, citizen (or, for a
/// referral or a call taken by hand, an operator or hotline agent).
///
/// ```json
/// {"location": {"point": {"longitude": 120.102, "latitude": 30.215}, "address": "春桥村村委会东侧"},
///  "category": "E0102", "description": "垃圾堆积", "attachments": ["https://media.example/1.jpg"]}
/// ```
struct ReportRequest: Decodable, Sendable {
    /// Where the problem is: a point and/or a place code (grid or higher), and an address.
    struct Location: Decodable, Sendable {
        /// The point (WGS84/CGCS2000 degrees).
        var point: CoordinatesV1?
        /// A unit-grid code (15 digits) or a community, street or district code.
        var placeCode: String?
        /// The address or landmark.
        var address: String?
    }

    /// The reporter's contact, for call-backs (citizens, hotline callers).
    struct Contact: Decodable, Sendable {
        /// The name.
        var name: String?
        /// A phone number.
        var phone: String?
        /// Confidentiality (保密).
        var confidential: Bool?
    }

    /// A grid worker's on-the-spot disposal (自行处置).
    struct SelfDisposalInput: Decodable, Sendable {
        /// What was done.
        var note: String?
        /// Photos after disposal.
        var attachments: [String]?
    }

    /// The channel; by default the one of the caller's role (supervisor, grid_worker, citizen_app;
    /// operators send `referral`, hotline agents `12345` or `12319`).
    var channel: CaseChannel?
    /// Where.
    var location: Location?
    /// The catalog category (`E0102`), when known.
    var category: String?
    /// `normal` (default), `urgent`, `emergency`.
    var urgency: Urgency?
    /// What the problem is (≤ 4,000 characters).
    var description: String?
    /// Photos, videos: http(s) URLs (≤ 20).
    var attachments: [String]?
    /// The 16-digit component id, for 部件.
    var componentId: String?
    /// The reporter's contact.
    var reporter: Contact?
    /// For grid workers: the problem was solved on the spot; the case closes at once.
    var selfDisposal: SelfDisposalInput?
}

/// A checked report request.
struct ValidatedReport: Sendable {
    /// The report.
    var report: CaseReport
    /// Who opens the case.
    var actor: CaseActor
    /// The self-disposal, when given.
    var selfDisposal: SelfDisposal?
}

extension ReportRequest {
    /// The channel each reporting role uses by default, in order of preference.
    static let defaultChannels: [(Role, CaseChannel)] = [
        (.supervisor, .supervisor), (.gridWorker, .gridWorker), (.citizen, .citizenApp),
        (.hotlineAgent, .hotline12345), (.operator, .referral),
    ]

    /// Checks every field and builds the report.
    /// - Throws: ``APIError`` 403 when no role of the caller may report through the channel, 422 listing
    ///   every problem otherwise.
    func validated(by principal: Principal, catalog: CategoryCatalog, at now: Date) throws(APIError) -> ValidatedReport {
        let (channel, role) = try channelAndRole(of: principal)
        var problems = RequestProblems("report")

        var point: CaseLocation.Point?
        var place: PlaceCode?
        if let location {
            if let coordinates = location.point {
                do { point = try coordinates.point() } catch {
                    problems.add("location.point", .outOfRange, "longitude must be within −180…180 and latitude within −90…90 degrees")
                }
            }
            if let code = location.placeCode {
                do { place = try PlaceCode(code) } catch {
                    problems.add("location.placeCode", .invalidFormat, error.description)
                }
            }
            problems.checkText("location.address", location.address, required: false, maximum: InboundLocationV1.maximumAddressLength)
            if location.point == nil, location.placeCode == nil {
                problems.add("location", .inconsistent, "give a point or a place code (a unit grid, community, street or district)")
            }
        } else {
            problems.missing("location")
        }

        var category: CategoryCode?
        if let text = self.category {
            do {
                let code = try CategoryCode(text)
                if catalog.contains(code) { category = code } else {
                    problems.add("category", .unknownValue, "'\(text)' is not in the city's catalog")
                }
            } catch {
                problems.add("category", .invalidFormat, error.description)
            }
        }
        problems.checkText("description", description, required: true, maximum: CaseReport.maximumDetailsLength)
        let attachments = problems.urls("attachments", attachments, maximum: HotlineWorkOrderV1.maximumAttachments)
        var component: ComponentID?
        if let text = componentId {
            do { component = try ComponentID(text) } catch { problems.add("componentId", .invalidFormat, error.description) }
        }
        if let phone = reporter?.phone, !PhoneNumberFormat.isValid(phone) {
            problems.add(
                "reporter.phone", .invalidFormat,
                "'\(Masking.phone(phone))' is not a mainland mobile, a landline with area code or a local landline number")
        }
        problems.checkText("reporter.name", reporter?.name, required: false, maximum: HotlineWorkOrderV1.maximumNameLength)

        var disposal: SelfDisposal?
        if let selfDisposal {
            if channel != .gridWorker {
                problems.add("selfDisposal", .inconsistent, "only a grid worker's own report can be disposed of on the spot")
            }
            problems.checkText("selfDisposal.note", selfDisposal.note, required: true, maximum: CaseReport.maximumDetailsLength)
            let photos = problems.urls("selfDisposal.attachments", selfDisposal.attachments, maximum: HotlineWorkOrderV1.maximumAttachments)
            disposal = SelfDisposal(note: selfDisposal.note ?? "", attachments: photos)
        }
        try problems.finish()

        // Supervisors, grid workers and citizens report their own findings; hotline agents and operators
        // enter someone else's report, so their account is the actor's, not the reporter's.
        let ownReport: Set<ActorRole> = [.supervisor, .gridWorker, .citizen]
        let contact = Reporter(
            name: reporter?.name.map(PersonalData.name), phone: reporter?.phone.map(PersonalData.phone),
            accountID: ownReport.contains(role) ? principal.userID : nil, confidential: reporter?.confidential ?? false)
        do {
            let report = try CaseReport(
                channel: channel, reporter: contact, reportedAt: now,
                location: CaseLocation(point: point, place: place, address: location?.address),
                category: category, urgency: urgency ?? .normal, details: description ?? "", attachments: attachments,
                componentID: component)
            return ValidatedReport(report: report, actor: CaseActor(role: role, id: principal.userID), selfDisposal: disposal)
        } catch {
            throw .unprocessable("report is invalid: \(error.description)")
        }
    }

    /// The channel of the report and the role the caller reports in.
    private func channelAndRole(of principal: Principal) throws(APIError) -> (CaseChannel, ActorRole) {
        let candidates: [(Role, CaseChannel)]
        if let channel {
            candidates = CaseLifecycle.reporterRoles(for: channel).sorted { $0.rawValue < $1.rawValue }
                .filter { $0 != .system }.map { (Role($0.rawValue), channel) }
        } else {
            candidates = Self.defaultChannels
        }
        guard let (role, channel) = candidates.first(where: { principal.has($0.0) }),
            let actorRole = ActorRole(rawValue: role.rawValue)
        else {
            let what = channel.map { "through channel \($0.rawValue)" } ?? "a problem"
            throw .forbidden("your roles cannot report \(what); reporting roles: supervisor, grid_worker, citizen, hotline_agent, operator")
        }
        return (channel, actorRole)
    }
}
