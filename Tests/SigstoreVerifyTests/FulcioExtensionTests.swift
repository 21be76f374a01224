import SigstoreVerify
import SwiftASN1
import Testing

@Suite struct FulcioExtensionTests {
    @Test func namesTheSigstoreArc() {
        #expect(FulcioExtension.issuer.oid == [1, 3, 6, 1, 4, 1, 57264, 1, 8])
        #expect(FulcioExtension.issuerV1.oid == [1, 3, 6, 1, 4, 1, 57264, 1, 1])
        #expect(FulcioExtension.sourceRepositoryURI.oid == [1, 3, 6, 1, 4, 1, 57264, 1, 12])
        #expect(FulcioExtension.tokenSubject.oid == [1, 3, 6, 1, 4, 1, 57264, 1, 24])
        #expect(FulcioExtension.all.count == 23)
        #expect(Set(FulcioExtension.all.map(\.oid)).count == FulcioExtension.all.count)
    }

    @Test func looksUpKnownExtensionsByOID() {
        #expect(FulcioExtension([1, 3, 6, 1, 4, 1, 57264, 1, 12]).name == "sourceRepositoryURI")
        #expect(FulcioExtension([1, 3, 6, 1, 4, 1, 57264, 1, 12]) == .sourceRepositoryURI)
        let unknown = FulcioExtension([1, 3, 6, 1, 4, 1, 57264, 1, 99])
        #expect(unknown.name == "1.3.6.1.4.1.57264.1.99")
        #expect(unknown != .issuer)
    }
}
