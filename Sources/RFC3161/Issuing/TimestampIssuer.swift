public import Foundation
public import SigstoreCrypto
import SwiftASN1
public import X509

/// Issues RFC 3161 time-stamp tokens: the pure core of a TSA.
///
/// Time, serial numbers and the key are supplied by the caller, so the same request, time and serial always
/// produce the same TSTInfo. The token follows interop contract §7.3: TSTInfo v1 echoing the imprint and nonce,
/// a CMS SignedData with one SignerInfo identified by issuer and serial, and signed attributes contentType,
/// messageDigest and signingCertificateV2 (RFC 5816, SHA-256 over the leaf, with issuerSerial).
public struct TimestampIssuer: Sendable {
    /// The signer; its public key must be the leaf certificate's.
    public let signer: any KeySigner
    /// The TSA certificate chain, leaf first.
    public let certificateChain: [Certificate]
    /// Policy, accuracy and encoding choices.
    public let configuration: Configuration

    private let algorithm: CMSSignatureAlgorithm
    private let signingCertificateAttribute: CMSAttribute

    /// Creates an issuer.
    ///
    /// - Throws: ``TimestampError/Code/issuanceFailed`` when the chain is empty or its leaf does not hold the
    ///   signer's public key.
    public init(signer: any KeySigner, certificateChain: [Certificate], configuration: Configuration = Configuration()) throws {
        guard let leaf = certificateChain.first else {
            throw TimestampError(.issuanceFailed, "the TSA certificate chain is empty")
        }
        let leafKey: PublicKey
        do {
            leafKey = try PublicKey(leaf.publicKey)
        } catch {
            throw TimestampError(.issuanceFailed, "the TSA leaf key is unusable: \(error)")
        }
        guard leafKey == signer.publicKey else {
            throw TimestampError(.issuanceFailed, "the TSA leaf certificate does not hold the signer's public key")
        }
        self.signer = signer
        self.certificateChain = certificateChain
        self.configuration = configuration
        self.algorithm = CMSSignatureAlgorithm(signingWith: leafKey.algorithm)
        do {
            let essCertID = try SigningCertificateV2(certificates: [ESSCertIDv2(leaf)])
            self.signingCertificateAttribute = try CMSAttribute(.CMSAttributeType.signingCertificateV2, value: essCertID)
        } catch {
            throw TimestampError(.issuanceFailed, "cannot describe the TSA leaf certificate: \(error)")
        }
    }

    /// The leaf (signing) certificate.
    public var leaf: Certificate { self.certificateChain[0] }

    /// Validates `request` and returns a granted response with a freshly signed token.
    ///
    /// - Parameters:
    ///   - request: The parsed request.
    ///   - genTime: The time to certify; it is encoded to whole milliseconds.
    ///   - serialNumber: A positive serial number unique to this TSA (RFC 3161 §2.4.2; up to 160 bits).
    /// - Throws: The request-validation errors of ``validate(_:)``, or ``TimestampError/Code/issuanceFailed`` when
    ///   the serial is zero, genTime cannot be encoded or the signer fails.
    public func respond(
        to request: TimeStampRequest,
        at genTime: Date,
        serialNumber: Certificate.SerialNumber
    ) async throws -> TimeStampResponse {
        .granted(try await self.token(for: request, at: genTime, serialNumber: serialNumber))
    }

    /// Validates `request` and returns the signed token (`ContentInfo` holding `SignedData`).
    public func token(
        for request: TimeStampRequest,
        at genTime: Date,
        serialNumber: Certificate.SerialNumber
    ) async throws -> ContentInfo {
        let policy = try self.validate(request)
        guard serialNumber.bytes.contains(where: { $0 != 0 }) else {
            throw TimestampError(.issuanceFailed, "a TSTInfo serial number must be positive")
        }
        let info = TSTInfo(
            policy: policy,
            messageImprint: request.messageImprint,
            serialNumber: serialNumber,
            genTime: try TimestampError.issuing("genTime") { try GeneralizedTime(millisecondsOf: genTime) },
            accuracy: self.configuration.accuracy,
            ordering: false,
            nonce: request.nonce,
            tsa: self.configuration.tsaName
        )
        let content = try TimestampError.issuing("TSTInfo") { try info.derBytes() }

        var attributes = try TimestampError.issuing("signed attributes") {
            [
                try CMSAttribute(.CMSAttributeType.contentType, value: ASN1ObjectIdentifier.TimeStamping.tstInfo),
                try CMSAttribute(
                    .CMSAttributeType.messageDigest,
                    value: ASN1OctetString(contentBytes: self.algorithm.digest.hash(content)[...])
                ),
                self.signingCertificateAttribute,
            ]
        }
        if self.configuration.includesSigningTime {
            attributes.append(try TimestampError.issuing("signingTime") { try CMSAttribute(signingTime: genTime) })
        }
        let signedBytes = try TimestampError.issuing("signed attributes") { try SignerInfo.signedAttributesDER(attributes) }
        let signature: [UInt8]
        do {
            signature = try await self.signer.signature(for: signedBytes)
        } catch {
            throw TimestampError(.issuanceFailed, "the TSA signer failed: \(error)")
        }

        return try TimestampError.issuing("SignedData") {
            let signerInfo = try SignerInfo(
                signerIdentifier: .issuerAndSerialNumber(IssuerAndSerialNumber(self.leaf)),
                digestAlgorithm: self.algorithm.digest.algorithmIdentifier,
                signedAttributes: attributes,
                signatureAlgorithm: self.algorithm.identifier,
                signature: signature
            )
            let signedData = SignedData(
                digestAlgorithms: [self.algorithm.digest.algorithmIdentifier],
                encapsulatedContentInfo: EncapsulatedContentInfo(eContentType: .TimeStamping.tstInfo, eContent: Array(content)),
                certificates: request.certificateRequested ? self.embeddedCertificates : nil,
                signerInfos: [signerInfo]
            )
            return try ContentInfo(signedData)
        }
    }

    private var embeddedCertificates: [Certificate] {
        switch self.configuration.embeddedCertificates {
        case .leaf: [self.leaf]
        case .chainWithoutRoot: Array(self.certificateChain.prefix(max(1, self.certificateChain.count - 1)))
        }
    }
}

extension TimestampError {
    /// Runs an encoding step of issuance, reporting any failure as ``Code/issuanceFailed``.
    static func issuing<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TimestampError {
            throw error
        } catch {
            throw TimestampError(.issuanceFailed, "cannot encode \(what): \(error)")
        }
    }
}
