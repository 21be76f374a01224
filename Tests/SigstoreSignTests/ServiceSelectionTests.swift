import Foundation
import SigstoreModels
import SigstoreSign
import Testing

/// Service selection as interop contract §10.4 requires it.
@Suite struct ServiceSelectionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func service(_ url: String, version: UInt32 = 1, from start: TimeInterval = -86_400, until end: TimeInterval? = nil, operator op: String = "a.test") -> SigningConfig.Service {
        SigningConfig.Service(
            url: url, majorApiVersion: version,
            validFor: TimeRange(start: ProtoTimestamp(now.addingTimeInterval(start)), end: end.map { ProtoTimestamp(now.addingTimeInterval($0)) }),
            operator: op)
    }

    static func config(logs: [SigningConfig.Service], logSelector: SigningConfig.ServiceSelector = .any, count: UInt32 = 0,
                       tsas: [SigningConfig.Service] = [], tsaSelector: SigningConfig.ServiceSelector = .all) -> SigningConfig {
        SigningConfig(
            caUrls: [service("https://ca.test")], rekorTlogUrls: logs, rekorTlogConfig: .init(selector: logSelector, count: count),
            tsaUrls: tsas, tsaConfig: .init(selector: tsaSelector))
    }

    @Test func takesTheHighestSupportedVersionValidNow() throws {
        let config = Self.config(logs: [
            Self.service("https://v1.test", version: 1),
            Self.service("https://v2.test", version: 2),
            Self.service("https://v3.test", version: 3),
            Self.service("https://expired.test", version: 2, from: -200, until: -100, operator: "b.test"),
            Self.service("https://future.test", version: 2, from: 100, operator: "c.test"),
        ])
        let selected = try ServiceSelection.select(from: config, at: Self.now)
        #expect(selected.transparencyLogs.map(\.url) == ["https://v2.test"])
        #expect(selected.certificateAuthority?.url == "https://ca.test")
    }

    @Test func rekorVersionNarrowsTheLogs() throws {
        let config = Self.config(logs: [Self.service("https://v1.test", version: 1), Self.service("https://v2.test", version: 2)])
        #expect(try ServiceSelection.select(from: config, at: Self.now, rekorVersion: 1).transparencyLogs.map(\.url) == ["https://v1.test"])
        #expect(try ServiceSelection.select(from: config, at: Self.now, rekorVersion: 2).transparencyLogs.map(\.url) == ["https://v2.test"])
        let noV2 = Self.config(logs: [Self.service("https://v1.test", version: 1)])
        let error = #expect(throws: SigningError.self) { try ServiceSelection.select(from: noV2, at: Self.now, rekorVersion: 2) }
        #expect(error?.code == .signingConfiguration)
        #expect(throws: SigningError.self) { try ServiceSelection.select(from: noV2, at: Self.now, rekorVersion: 3) }
    }

    @Test func newestFirstAndOnePerOperator() throws {
        let config = Self.config(logs: [
            Self.service("https://old-a.test", from: -1000, operator: "a.test"),
            Self.service("https://new-a.test", from: -10, operator: "a.test"),
            Self.service("https://b.test", from: -500, operator: "b.test"),
        ], logSelector: .all)
        let selected = try ServiceSelection.select(from: config, at: Self.now)
        #expect(selected.transparencyLogs.map(\.url) == ["https://new-a.test", "https://b.test"])
    }

    @Test func selectorsAnyAllExact() throws {
        let tsas = [Self.service("https://t1.test", operator: "1"), Self.service("https://t2.test", from: -10, operator: "2")]
        let logs = [Self.service("https://log.test")]
        #expect(try ServiceSelection.select(from: Self.config(logs: logs, tsas: tsas, tsaSelector: .all), at: Self.now).timestampAuthorities.count == 2)
        #expect(try ServiceSelection.select(from: Self.config(logs: logs, tsas: tsas, tsaSelector: .any), at: Self.now).timestampAuthorities.map(\.url) == ["https://t2.test"])
        var exact = Self.config(logs: logs, tsas: tsas)
        exact.tsaConfig = .init(selector: .exact, count: 2)
        #expect(try ServiceSelection.select(from: exact, at: Self.now).timestampAuthorities.count == 2)
        exact.tsaConfig = .init(selector: .exact, count: 3)
        let error = #expect(throws: SigningError.self) { try ServiceSelection.select(from: exact, at: Self.now) }
        #expect(error?.message.contains("exactly 3") == true)
    }

    @Test func noUsableLogIsAnError() {
        let config = Self.config(logs: [Self.service("https://v9.test", version: 9)])
        let error = #expect(throws: SigningError.self) { try ServiceSelection.select(from: config, at: Self.now) }
        #expect(error?.code == .signingConfiguration)
    }
}
