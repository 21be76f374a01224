import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import Testing
import X509

/// Each verification rule of interop contract §11, broken on its own in a bundle or trusted
/// root that is otherwise valid.
@Suite struct BundleVerifierRuleTests {
    static let instance = VirtualSigstoreTests.instance

    private func verify(_ signed: VirtualSigstore.Signed, root: TrustedRoot? = nil) async throws {
        let sigstore = try Self.instance.get()
        let verifier = try BundleVerifier(trustedRoot: root ?? sigstore.trustedRoot)
        _ = try await verifier.verify(signed.bundle, artifact: .bytes(signed.artifact), policy: signed.policy)
    }

    private func code(_ signed: VirtualSigstore.Signed, root: TrustedRoot? = nil) async -> VerificationError.Code? {
        await verificationError { try await verify(signed, root: root) }?.code
    }

    private func sign(_ configure: (inout VirtualSigstore.Request) -> Void = { _ in }) async throws -> VirtualSigstore.Signed {
        var request = VirtualSigstore.Request()
        configure(&request)
        return try await Self.instance.get().sign(request)
    }

    // MARK: Structure (§11.1)

    @Test func rejectsARekorV2BundleWithoutATimestamp() async throws {
        let signed = try await sign { $0.log = .rekorV2; $0.timestamps = 0 }
        #expect(await code(signed) == .invalidBundle)
    }

    @Test func rejectsMoreThan32Timestamps() async throws {
        var signed = try await sign { $0.timestamps = 0 }
        let sigstore = try Self.instance.get()
        let signature = try #require(signed.bundle.messageSignature).signature
        var timestamps: [SigstoreBundle.RFC3161SignedTimestamp] = []
        for serial in 1...33 {
            timestamps.append(.init(signedTimestamp: try await sigstore.timestamp(over: signature, at: VirtualSigstore.epoch.addingTimeInterval(100), serial: UInt64(serial))))
        }
        signed.bundle.verificationMaterial.timestampVerificationData = .init(rfc3161Timestamps: Array(timestamps.prefix(32)))
        try await verify(signed)
        signed.bundle.verificationMaterial.timestampVerificationData = .init(rfc3161Timestamps: timestamps)
        #expect(await code(signed) == .invalidBundle)
    }

    @Test func rejectsDuplicateTimestamps() async throws {
        var signed = try await sign()
        let timestamp = try #require(signed.bundle.verificationMaterial.rfc3161Timestamps.first)
        signed.bundle.verificationMaterial.timestampVerificationData = .init(rfc3161Timestamps: [timestamp, timestamp])
        #expect(await code(signed) == .invalidBundle)
    }

    @Test func rejectsAChainInAVersion3Bundle() async throws {
        let chain = try await sign { $0.version = .v0_2 }
        let bundle = SigstoreBundle(version: .v0_3, verificationMaterial: chain.bundle.verificationMaterial, content: chain.bundle.content)
        #expect(await code(VirtualSigstore.Signed(bundle: bundle, artifact: chain.artifact, signingKey: chain.signingKey, policy: chain.policy)) == .invalidBundle)
    }

    @Test func rejectsALoneCertificateUnderAnOlderMediaType() async throws {
        let signed = try await sign()
        let bundle = SigstoreBundle(version: .v0_2, verificationMaterial: signed.bundle.verificationMaterial, content: signed.bundle.content)
        #expect(await code(VirtualSigstore.Signed(bundle: bundle, artifact: signed.artifact, signingKey: signed.signingKey, policy: signed.policy)) == .invalidBundle)
    }

    // MARK: Leaf certificate and chain (§11.2, §11.4)

    @Test func neverTrustsIntermediatesFromTheBundle() async throws {
        let signed = try await sign { $0.version = .v0_2 }
        var root = try Self.instance.get().trustedRoot
        // The root lists only the anchor; the bundle carries the intermediate, which must not help.
        root.certificateAuthorities[0].certChain?.certificates.removeFirst()
        #expect(await code(signed, root: root) == .untrustedCertificate)
    }

    static let nonFulcioLeaves: [(String, VirtualSigstore.LeafProfile)] = {
        var noCodeSigning = VirtualSigstore.LeafProfile()
        noCodeSigning.extendedKeyUsage = [.emailProtection]
        var noDigitalSignature = VirtualSigstore.LeafProfile()
        noDigitalSignature.keyUsage = KeyUsage(keyEncipherment: true)
        var certificateAuthority = VirtualSigstore.LeafProfile()
        certificateAuthority.isCertificateAuthority = true
        return [("no codeSigning", noCodeSigning), ("no digitalSignature", noDigitalSignature), ("a CA", certificateAuthority)]
    }()

    @Test("rejects a leaf that breaks the Fulcio profile", arguments: nonFulcioLeaves)
    func rejectsNonFulcioLeaf(_ name: String, profile: VirtualSigstore.LeafProfile) async throws {
        let signed = try await sign { $0.leaf = profile }
        #expect(await code(signed) == .untrustedCertificate, "\(name)")
    }

    @Test func rejectsATrustedTimeOutsideTheLeafValidity() async throws {
        var signed = try await sign()
        let sigstore = try Self.instance.get()
        let signature = try #require(signed.bundle.messageSignature).signature
        // A second, valid timestamp eleven minutes after issuance: past the leaf's ten minutes.
        let late = try await sigstore.timestamp(over: signature, at: VirtualSigstore.epoch.addingTimeInterval(60 + 660), serial: 99)
        signed.bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.append(.init(signedTimestamp: late))
        #expect(await code(signed) == .untrustedCertificate)
    }

    @Test func enforcesTheCAValidityInclusively() async throws {
        let signed = try await sign { $0.timestamps = 0 }
        let integrated = Date(timeIntervalSince1970: TimeInterval(signed.bundle.verificationMaterial.tlogEntries[0].integratedTime))
        var root = try Self.instance.get().trustedRoot
        root.certificateAuthorities[0].validFor?.end = ProtoTimestamp(integrated)
        try await verify(signed, root: root)
        root.certificateAuthorities[0].validFor?.end = ProtoTimestamp(integrated.addingTimeInterval(-1))
        #expect(await code(signed, root: root) == .untrustedCertificate)
    }

    @Test func rejectsALeafFromAnotherCA() async throws {
        let signed = try await sign()
        var root = try Self.instance.get().trustedRoot
        root.certificateAuthorities = try VirtualSigstore().trustedRoot.certificateAuthorities
        #expect(await code(signed, root: root) == .untrustedCertificate)
    }

    // MARK: SCT (§11.5)

    @Test func requiresExactlyOneSCT() async throws {
        for count in [0, 2] {
            let signed = try await sign { $0.leaf.sctCount = count }
            #expect(await code(signed) == .invalidSCT, "\(count) SCTs")
        }
    }

    @Test func rejectsAnSCTFromAnUnknownLog() async throws {
        let rogue = try PrivateKey.generate(.ecdsaP256)
        let signed = try await sign { $0.leaf.sctKey = rogue }
        #expect(await code(signed) == .invalidSCT)
    }

    @Test func rejectsAnSCTOutsideTheCTLogValidity() async throws {
        let signed = try await sign()
        var root = try Self.instance.get().trustedRoot
        root.ctlogs[0].publicKey?.validFor = TimeRange(start: ProtoTimestamp(VirtualSigstore.epoch.addingTimeInterval(3600)))
        #expect(await code(signed, root: root) == .invalidSCT)
    }

    // MARK: Transparency log (§11.6)

    @Test func rejectsAnEntryFromAnUnlistedLog() async throws {
        let signed = try await sign()
        var root = try Self.instance.get().trustedRoot
        root.tlogs.removeFirst()
        #expect(await code(signed, root: root) == .invalidTransparencyLogEntry)
    }

    @Test func rejectsALogKeyNotYetValidAtTheEntry() async throws {
        for log in [VirtualSigstore.Log.rekorV1, .rekorV2] {
            let signed = try await sign { $0.log = log }
            var root = try Self.instance.get().trustedRoot
            for index in root.tlogs.indices {
                root.tlogs[index].publicKey?.validFor = TimeRange(start: ProtoTimestamp(VirtualSigstore.epoch.addingTimeInterval(3600)))
            }
            #expect(await code(signed, root: root) == .invalidTransparencyLogEntry, "\(log)")
        }
    }

    @Test func acceptsAnExpiredLogKeyForOlderEntries() async throws {
        let signed = try await sign()
        let integrated = Date(timeIntervalSince1970: TimeInterval(signed.bundle.verificationMaterial.tlogEntries[0].integratedTime))
        var root = try Self.instance.get().trustedRoot
        root.tlogs[0].publicKey?.validFor?.end = ProtoTimestamp(integrated)
        try await verify(signed, root: root)
    }

    @Test func requiresTheV2CheckpointOriginToBeTheLogHost() async throws {
        let signed = try await sign { $0.log = .rekorV2 }
        var root = try Self.instance.get().trustedRoot
        root.tlogs[1].baseUrl = "https://elsewhere.virtual.test"
        #expect(await code(signed, root: root) == .invalidTransparencyLogEntry)
    }

    @Test func rejectsExtraCheckpointLinesOnV1ButIgnoresWitnessesOnV2() async throws {
        let witness = "— witness.virtual.test \(Data([0, 0, 0, 1] + [UInt8](repeating: 7, count: 64)).base64EncodedString())\n"
        var v1 = try await sign()
        v1.bundle.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint?.envelope += witness
        #expect(await code(v1) == .invalidTransparencyLogEntry)
        var v2 = try await sign { $0.log = .rekorV2 }
        v2.bundle.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint?.envelope += witness
        try await verify(v2)
    }

    @Test func neverTrustsAnIntegratedTimeWithoutItsSET() async throws {
        // A v2 entry never carries one; a v1 entry with a proof but no promise gets no time from it.
        var signed = try await sign { $0.inclusionPromise = false; $0.timestamps = 1 }
        let result = try await Self.instance.get().verifier().verify(signed.bundle, artifact: .bytes(signed.artifact), policy: signed.policy)
        #expect(result.verifiedTimes.map(\.source) == [.timestampAuthority("https://tsa.virtual.test/api/v1/timestamp")])
        signed.bundle.verificationMaterial.tlogEntries[0].integratedTime += 3600
        #expect(await code(signed) == .untrustedCertificate)
    }

    @Test func rejectsAnIntegratedTimeOnARekorV2Entry() async throws {
        var signed = try await sign { $0.log = .rekorV2 }
        signed.bundle.verificationMaterial.tlogEntries[0].integratedTime = Int64(VirtualSigstore.epoch.timeIntervalSince1970) + 60
        #expect(await code(signed) == .invalidTransparencyLogEntry)
    }

    @Test func rejectsExtremeIndexesAndTimesWithoutTrapping() async throws {
        for log in [VirtualSigstore.Log.rekorV1, .rekorV2] {
            let signed = try await sign { $0.log = log }
            let changes: [(inout TransparencyLogEntry) -> Void] = [
                { $0.integratedTime = .max }, { $0.integratedTime = -1 }, { $0.logIndex = .max }, { $0.logIndex = .min },
                { $0.inclusionProof?.treeSize = .max }, { $0.inclusionProof?.logIndex = .max }, { $0.inclusionProof?.treeSize = 0 },
            ]
            for change in changes {
                var tampered = signed
                change(&tampered.bundle.verificationMaterial.tlogEntries[0])
                #expect(await code(tampered) != nil)
            }
        }
    }

    // MARK: Timestamps (§11.7)

    @Test func rejectsTimestampsWhenTheRootHasNoTSA() async throws {
        let signed = try await sign()
        var root = try Self.instance.get().trustedRoot
        root.timestampAuthorities = []
        #expect(await code(signed, root: root) == .invalidTimestamp)
    }

    @Test func rejectsATimestampFromAnUntrustedTSA() async throws {
        var signed = try await sign()
        let other = try VirtualSigstore()
        let signature = try #require(signed.bundle.messageSignature).signature
        let foreign = try await other.timestamp(over: signature, at: VirtualSigstore.epoch.addingTimeInterval(90), serial: 7)
        signed.bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.append(.init(signedTimestamp: foreign))
        #expect(await code(signed) == .invalidTimestamp)
    }

    @Test func rejectsATimestampOverAnotherSignature() async throws {
        var signed = try await sign()
        let sigstore = try Self.instance.get()
        let other = try await sigstore.timestamp(over: Array("another signature".utf8), at: VirtualSigstore.epoch.addingTimeInterval(90), serial: 8)
        signed.bundle.verificationMaterial.timestampVerificationData = .init(rfc3161Timestamps: [.init(signedTimestamp: other)])
        #expect(await code(signed) == .invalidTimestamp)
    }

    @Test func enforcesTheTSAValidityInclusively() async throws {
        let signed = try await sign { $0.log = .rekorV2 }
        let genTime = VirtualSigstore.epoch.addingTimeInterval(90)
        var root = try Self.instance.get().trustedRoot
        root.timestampAuthorities[0].validFor?.end = ProtoTimestamp(genTime)
        try await verify(signed, root: root)
        root.timestampAuthorities[0].validFor?.end = ProtoTimestamp(genTime.addingTimeInterval(-1))
        #expect(await code(signed, root: root) == .invalidTimestamp)
    }

    // MARK: Trusted root

    @Test func rejectsAnUnusableTrustedRoot() async throws {
        var root = try Self.instance.get().trustedRoot
        root.tlogs[0].publicKey?.keyDetails = "PKIX_ED25519"
        #expect(throws: VerificationError.self) { try BundleVerifier(trustedRoot: root) }
        root = try Self.instance.get().trustedRoot
        root.tlogs[0].publicKey?.validFor?.start = nil
        #expect(throws: VerificationError.self) { try BundleVerifier(trustedRoot: root) }
        root = try Self.instance.get().trustedRoot
        root.timestampAuthorities[0].certChain?.certificates.removeLast()
        #expect(throws: VerificationError.self) { try BundleVerifier(trustedRoot: root) }
    }
}
