import Testing
@testable import SigstoreSign

@Suite struct SigstoreSignErrorTests {
    @Test func errorDescriptionIsTheMessage() {
        let error = SigningError(.identityToken, "no identity token")
        #expect(error.description == "no identity token")
        #expect(error.code == .identityToken)
    }
}
