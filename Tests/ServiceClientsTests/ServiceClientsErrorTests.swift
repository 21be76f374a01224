import Testing
@testable import ServiceClients

@Suite struct ServiceClientsErrorTests {
    @Test func errorDescriptionIsTheMessage() {
        let error = ServiceClientError(.rejected, "the CA answered 400", status: 400)
        #expect(error.description == "the CA answered 400")
        #expect(error.status == 400)
    }
}
