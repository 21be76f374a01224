import Foundation
import ServiceClients
import SigstoreTestSupport
import Testing

/// The shared transport: size cap, error bodies, bad URLs, dead ports.
@Suite("ServiceHTTPClient", .serialized)
struct ServiceHTTPClientTests {
    @Test("answers larger than the cap are refused; smaller ones arrive whole")
    func sizeCap() async throws {
        try await DevServer.run { server in
            let url = server.baseURL + "/api/v1/timestamp/certchain"
            let whole = try await ServiceHTTPClient().get(url)
            #expect(whole.status == 200)
            #expect(String(decoding: whole.body, as: UTF8.self).contains("BEGIN CERTIFICATE"))
            let error = await #expect(throws: ServiceClientError.self) {
                _ = try await ServiceHTTPClient(maximumResponseSize: whole.body.count - 1).get(url)
            }
            #expect(error?.code == .malformedResponse)
        }
    }

    @Test("a refusal carries the service's message from its {code, message} body")
    func errorMessage() async throws {
        try await DevServer.run { server in
            let response = try await ServiceHTTPClient().postJSON(server.baseURL + "/api/v1/log/entries", body: Array("{}".utf8))
            #expect(response.status == 400)
            #expect(!response.errorMessage.isEmpty)
            let error = #expect(throws: ServiceClientError.self) { try response.requireSuccess("the log") }
            #expect(error?.message.contains(response.errorMessage) == true)
            #expect(error?.status == 400)
        }
    }

    @Test("non-HTTP URLs are invalid requests; a dead port is unreachable")
    func badTargets() async throws {
        let invalid = await #expect(throws: ServiceClientError.self) { _ = try await ServiceHTTPClient().get("ftp://example.test/x") }
        #expect(invalid?.code == .invalidRequest)
        let port = try DevServer.freePort()
        let dead = await #expect(throws: ServiceClientError.self) { _ = try await ServiceHTTPClient().get("http://127.0.0.1:\(port)/") }
        #expect(dead?.code == .unreachable)
    }
}
