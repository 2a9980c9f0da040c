import Foundation
import GridDomain

/// Hotline work orders on the sample city (临江市) for end-to-end tests.
enum SampleWorkOrders {
    /// A point inside grid 339901001001001 (春桥村第1网格, 江滨区五港镇).
    static let chunqiaoGrid1 = CoordinatesV1(longitude: 120.1008, latitude: 30.2164)

    /// A 12345 complaint about exposed garbage (E0102 暴露垃圾: the hotline has accepted it, so intake files it
    /// without on-site verification, and the 权责清单 names its disposal unit), received now.
    static func garbage(
        orderNumber: String,
        point: CoordinatesV1 = chunqiaoGrid1,
        category: String = "E0102",
        caller: HotlineWorkOrderV1.Caller? = HotlineWorkOrderV1.Caller(name: "张三", phone: "13800000000")
    ) throws -> HotlineWorkOrderV1 {
        HotlineWorkOrderV1(
            orderNumber: orderNumber, channel: .hotline12345, receivedAt: Date(), caller: caller,
            requestType: .complaint, title: "路口垃圾堆积",
            content: "来电人反映春桥村村委会东侧路口垃圾堆积两天无人清运，请尽快处理。",
            location: InboundLocationV1(address: "江滨区五港镇春桥村村委会东侧路口", point: point),
            category: try CategoryCode(category)
        )
    }

    /// A work-order number no other test uses: `E2E-<8 letters>`.
    static func uniqueOrderNumber(prefix: String = "E2E") -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return prefix + "-" + String((0..<8).map { _ in letters.randomElement()! })
    }
}
