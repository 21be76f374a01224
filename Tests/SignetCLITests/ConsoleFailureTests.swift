import ServiceClients
import SigstoreSign
import Testing
@testable import SignetCLI

/// Machines match `--output json` failures on `code`: every error type the commands throw has one.
@Suite struct ConsoleFailureTests {
    @Test func serviceAndSigningErrorsKeepTheirCodes() {
        let rejected = Failure(ServiceClientError(.rejected, "the CA answered 401: token expired", status: 401))
        #expect(rejected.code == "rejected")
        #expect(rejected.message == "the CA answered 401: token expired")
        let signing = Failure(SigningError(.identityToken, "no identity token"))
        #expect(signing.code == "identityToken")
        #expect(!signing.verified)
    }

    @Test func otherErrorsAreOneLine() {
        struct Multiline: Error, CustomStringConvertible { var description: String { "first\nsecond" } }
        let failure = Failure(Multiline())
        #expect(failure.code == "error")
        #expect(failure.message == "first second")
    }
}
