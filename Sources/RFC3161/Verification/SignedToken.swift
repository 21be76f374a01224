import Foundation
import SigstoreCrypto
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// A token whose structure and content binding have been checked, awaiting a TSA to verify it against.
struct SignedToken {
    let signerInfo: SignerInfo
    let tstInfo: TSTInfo
    let genTime: Date
    private let algorithm: CMSSignatureAlgorithm
    private let signedAttributes: [CMSAttribute]
    private let signedAttributesBytes: [UInt8]

    /// Parses the token and checks what needs no key: one signer, TSTInfo content, and the contentType and
    /// messageDigest signed attributes binding the signature to that content.
    init(_ token: ContentInfo) throws {
        let signedData = try token.signedData()
        guard signedData.signerInfos.count == 1, let signerInfo = signedData.signerInfos.first else {
            let count = signedData.signerInfos.count
            throw TimestampError(.malformedEncoding, "a time-stamp token has exactly one SignerInfo, found \(count)")
        }
        let encapsulated = signedData.encapsulatedContentInfo
        guard encapsulated.eContentType == .TimeStamping.tstInfo, let content = encapsulated.eContent else {
            let type = encapsulated.eContentType
            throw TimestampError(.malformedEncoding, "the token does not encapsulate a TSTInfo (eContentType \(type))")
        }
        guard let attributes = signerInfo.signedAttributes, let attributesBytes = signerInfo.signedAttributesBytes else {
            throw TimestampError(.invalidSignedAttributes, "the SignerInfo has no signed attributes")
        }
        let algorithm = try CMSSignatureAlgorithm(of: signerInfo)

        let contentType = try attributes.singleValue(of: .CMSAttributeType.contentType).map { value in
            try TimestampError.parsing("contentType attribute") { try ASN1ObjectIdentifier(berASN1Any: value) }
        }
        guard contentType == .TimeStamping.tstInfo else {
            throw TimestampError(.invalidSignedAttributes, "the contentType attribute must be id-ct-TSTInfo")
        }
        let digest = try attributes.singleValue(of: .CMSAttributeType.messageDigest).map { value in
            try TimestampError.parsing("messageDigest attribute") { Array(try ASN1OctetString(berASN1Any: value).bytes) }
        }
        guard let digest, digest == algorithm.digest.hash(content) else {
            throw TimestampError(.invalidSignedAttributes, "the messageDigest attribute does not match the TSTInfo")
        }
        // Parsed only once bound to the signed attributes, so any altered byte reports as a binding failure.
        let tstInfo = try TimestampError.parsing("TSTInfo") { try TSTInfo(berEncoded: content) }
        guard tstInfo.version == 1 else {
            throw TimestampError(.unsupportedVersion, "TSTInfo version must be 1, got \(tstInfo.version)")
        }

        self.signerInfo = signerInfo
        self.tstInfo = tstInfo
        self.genTime = tstInfo.generationDate
        self.algorithm = algorithm
        self.signedAttributes = attributes
        self.signedAttributesBytes = attributesBytes
    }

    /// Checks that `authority`'s leaf made the signature, is the certificate the ESS attributes name, has the TSA
    /// profile, chains to the authority's root at genTime, and that genTime lies in the authority's window.
    func verify(by authority: TrustedTimestampAuthority) async throws {
        let leaf = authority.leaf
        guard leaf.publicKey.isValidSignature(
            self.signerInfo.signature,
            for: self.signedAttributesBytes,
            signatureAlgorithm: self.algorithm.certificateAlgorithm
        ) else {
            throw TimestampError(.invalidSignature, "the token signature does not verify with the TSA leaf key")
        }
        try self.checkSigningCertificateAttributes(against: leaf)
        if let problem = TimeStampingCertificatePolicy.problem(with: leaf) {
            throw TimestampError(.invalidCertificateChain, problem)
        }
        var verifier = Verifier(rootCertificates: CertificateStore([authority.root])) {
            RFC5280Policy(fixedExpiryValidationTime: self.genTime)
            TimeStampingCertificatePolicy()
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(Array(authority.intermediates)))
        guard case .validCertificate = result else {
            throw TimestampError(.invalidCertificateChain, "the TSA chain does not validate at genTime \(self.genTime)")
        }
        guard authority.isValid(at: self.genTime) else {
            throw TimestampError(.outsideValidity, "genTime \(self.genTime) lies outside the TSA's validity window")
        }
    }

    /// signingCertificateV2 (RFC 5816) and signingCertificate (RFC 2634), when present, must name the leaf first.
    private func checkSigningCertificateAttributes(against leaf: Certificate) throws {
        if let value = try self.signedAttributes.singleValue(of: .CMSAttributeType.signingCertificateV2) {
            let attribute = try TimestampError.parsing("signingCertificateV2") { try SigningCertificateV2(berASN1Any: value) }
            guard try attribute.certificates[0].matches(leaf) else {
                throw TimestampError(.untrustedSigner, "signingCertificateV2 names a certificate other than the TSA leaf")
            }
        }
        if let value = try self.signedAttributes.singleValue(of: .CMSAttributeType.signingCertificate) {
            let attribute = try TimestampError.parsing("signingCertificate") { try SigningCertificate(berASN1Any: value) }
            guard try attribute.certificates[0].matches(leaf) else {
                throw TimestampError(.untrustedSigner, "signingCertificate names a certificate other than the TSA leaf")
            }
        }
    }

    /// Checks the imprint against `timestampedData` and the nonce against the one sent.
    func check(timestampedData: some DataProtocol, expectedNonce: [UInt8]?) throws {
        let hash = try self.tstInfo.messageImprint.validated()
        guard hash.hash(timestampedData) == self.tstInfo.messageImprint.hashedMessage else {
            throw TimestampError(.imprintMismatch, "the token's \(hash.rawValue) imprint is not the timestamped data's")
        }
        if let expectedNonce {
            guard let nonce = self.tstInfo.nonce, RawInteger.minimal(nonce) == RawInteger.minimal(expectedNonce) else {
                throw TimestampError(.nonceMismatch, "the token's nonce does not match the one sent")
            }
        }
    }
}
