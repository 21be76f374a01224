import SigstoreVerify
import Testing

/// sigstore-conformance cases that every client must reject (see Fixtures/README.md).
@Suite struct ConformanceFailureTests {
    @Test(arguments: [
        ("dsse-with-hashedrekord-mismatch-sig_fail", VerificationError.Code.invalidTransparencyLogEntry),
        ("dsse-with-hashedrekord-mismatch-envelope_fail", .invalidTransparencyLogEntry),
        ("dsse-with-hashedrekord-invalid-sig_fail", .invalidSignature),
    ])
    func rejects(_ name: String, code: VerificationError.Code) async throws {
        let happy = RealBundle.named("v0.3-public-good-dsse-hashedrekord.sigstore.json")
        let json = try Fixture.bytes("conformance/\(name).sigstore.json")
        let error = await verificationError {
            _ = try await happy.verifier().verify(bundleJSON: json, artifact: happy.artifact(), policy: happy.policy)
        }
        #expect(error?.code == code, "\(error?.message ?? "")")
    }
}
