import SigstoreCrypto
import Testing

@Suite struct PublicKeyDetailsTests {
    /// Every name in protobuf-specs `sigstore_common.proto` except UNSPECIFIED, with the facts
    /// this module attaches to it.
    static let table: [(String, PublicKeyDetails.KeyKind, HashAlgorithm?, Bool, Bool)] = [
        // name, kind, hash, deprecated, supported
        ("PKCS1_RSA_PKCS1V5", .rsa, .sha256, true, true),
        ("PKCS1_RSA_PSS", .rsa, .sha256, true, true),
        ("PKIX_RSA_PKCS1V5", .rsa, .sha256, true, true),
        ("PKIX_RSA_PSS", .rsa, .sha256, true, true),
        ("PKIX_RSA_PKCS1V15_2048_SHA256", .rsa, .sha256, false, true),
        ("PKIX_RSA_PKCS1V15_3072_SHA256", .rsa, .sha256, false, true),
        ("PKIX_RSA_PKCS1V15_4096_SHA256", .rsa, .sha256, false, true),
        ("PKIX_RSA_PSS_2048_SHA256", .rsa, .sha256, false, true),
        ("PKIX_RSA_PSS_3072_SHA256", .rsa, .sha256, false, true),
        ("PKIX_RSA_PSS_4096_SHA256", .rsa, .sha256, false, true),
        ("PKIX_ECDSA_P256_HMAC_SHA_256", .ecdsa, .sha256, true, true),
        ("PKIX_ECDSA_P256_SHA_256", .ecdsa, .sha256, false, true),
        ("PKIX_ECDSA_P384_SHA_384", .ecdsa, .sha384, false, true),
        ("PKIX_ECDSA_P521_SHA_512", .ecdsa, .sha512, false, true),
        ("PKIX_ECDSA_P384_SHA_256", .ecdsa, .sha256, true, true),
        ("PKIX_ECDSA_P521_SHA_256", .ecdsa, .sha256, true, true),
        ("PKIX_ED25519", .ed25519, nil, false, true),
        ("PKIX_ED25519_PH", .ed25519, .sha512, false, false),
        ("LMS_SHA256", .lms, nil, true, false),
        ("LMOTS_SHA256", .lms, nil, true, false),
        ("ML_DSA_44", .mlDSA, nil, false, false),
        ("ML_DSA_65", .mlDSA, nil, false, false),
        ("ML_DSA_87", .mlDSA, nil, false, false),
    ]

    @Test(arguments: table)
    func describesEachProtobufName(name: String, kind: PublicKeyDetails.KeyKind, hash: HashAlgorithm?, deprecated: Bool, supported: Bool) throws {
        let details = try #require(PublicKeyDetails(rawValue: name))
        #expect(details.rawValue == name)
        #expect(details.keyKind == kind)
        #expect(details.hashAlgorithm == hash)
        #expect(details.isDeprecated == deprecated)
        #expect(details.isSupported == supported)
    }

    @Test func coversExactlyTheProtobufNames() {
        #expect(Set(PublicKeyDetails.allCases.map(\.rawValue)) == Set(Self.table.map(\.0)))
    }

    @Test(arguments: ["PUBLIC_KEY_DETAILS_UNSPECIFIED", "pkix_ed25519", "PKIX_ECDSA_P256", ""])
    func rejectsOtherNames(name: String) {
        #expect(PublicKeyDetails(rawValue: name) == nil)
    }

    static let compatibility: [(PublicKeyDetails, KeyAlgorithm, Bool)] = [
        (.pkixECDSAP256SHA256, .ecdsaP256, true),
        (.pkixECDSAP256HMACSHA256, .ecdsaP256, true),
        (.pkixECDSAP256SHA256, .ecdsaP384, false),
        (.pkixECDSAP384SHA384, .ecdsaP384, true),
        (.pkixECDSAP384SHA256, .ecdsaP384, true),
        (.pkixECDSAP384SHA384, .ecdsaP256, false),
        (.pkixECDSAP521SHA512, .ecdsaP521, true),
        (.pkixECDSAP521SHA256, .ecdsaP521, true),
        (.pkixECDSAP521SHA512, .ecdsaP384, false),
        (.pkixEd25519, .ed25519, true),
        (.pkixEd25519ph, .ed25519, true),
        (.pkixEd25519, .ecdsaP256, false),
        (.pkixRSAPKCS1v15_2048_SHA256, .rsa(bits: 2048), true),
        (.pkixRSAPKCS1v15_3072_SHA256, .rsa(bits: 2048), false),
        (.pkixRSAPSS_4096_SHA256, .rsa(bits: 4096), true),
        (.pkixRSAPSS_4096_SHA256, .rsa(bits: 3072), false),
        (.pkixRSAPKCS1v5, .rsa(bits: 2560), true),
        (.pkcs1RSAPSS, .rsa(bits: 4096), true),
        (.pkixRSAPKCS1v15_2048_SHA256, .ecdsaP256, false),
        (.mlDSA65, .ed25519, false),
        (.lmsSHA256, .rsa(bits: 2048), false),
    ]

    @Test(arguments: compatibility)
    func matchesKeys(details: PublicKeyDetails, algorithm: KeyAlgorithm, expected: Bool) {
        #expect(details.isCompatible(with: algorithm) == expected)
    }

    @Test(arguments: [
        (KeyAlgorithm.ecdsaP256, PublicKeyDetails.pkixECDSAP256SHA256),
        (.ecdsaP384, .pkixECDSAP384SHA384),
        (.ecdsaP521, .pkixECDSAP521SHA512),
        (.ed25519, .pkixEd25519),
        (.rsa(bits: 2048), .pkixRSAPKCS1v15_2048_SHA256),
        (.rsa(bits: 3072), .pkixRSAPKCS1v15_3072_SHA256),
        (.rsa(bits: 4096), .pkixRSAPKCS1v15_4096_SHA256),
        (.rsa(bits: 2560), .pkixRSAPKCS1v5),
    ])
    func defaultsFitTheirKeys(algorithm: KeyAlgorithm, expected: PublicKeyDetails) {
        #expect(algorithm.defaultDetails == expected)
        #expect(expected.isCompatible(with: algorithm))
    }
}
