import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Fetches an issuer's discovery document and JWKS over HTTP, with a timeout and a cap on every
/// response body.
struct IssuerDocumentFetcher: Sendable {
    let httpClient: HTTPClient
    let timeout: TimeAmount
    let logger: Logger

    /// Discovery, then the JWKS it points at.
    ///
    /// - Throws: ``OIDCError`` `.discoveryFailed` when a fetch fails, a document does not parse,
    ///   the document's `issuer` is not exactly `issuer`, or `jwks_uri` downgrades to plain HTTP.
    func discover(issuer: String) async throws(OIDCError) -> (OpenIDProviderMetadata, JSONWebKeySet) {
        let location = OpenIDProviderMetadata.location(forIssuer: issuer)
        let metadata = try await fetch(OpenIDProviderMetadata.self, from: location, limit: OIDCLimits.maxDiscoveryDocumentBytes, what: "discovery document")
        guard metadata.issuer == issuer else {
            throw OIDCError(.discoveryFailed, "the discovery document at \(location) names issuer \(metadata.issuer), not \(issuer)")
        }
        guard metadata.jwksURI.hasPrefix("https://") || (metadata.jwksURI.hasPrefix("http://") && issuer.hasPrefix("http://")) else {
            throw OIDCError(.discoveryFailed, "issuer \(issuer) publishes its keys at \(metadata.jwksURI), which is not an https URL")
        }
        return (metadata, try await keySet(of: metadata))
    }

    /// The JWKS at the document's `jwks_uri`.
    func keySet(of metadata: OpenIDProviderMetadata) async throws(OIDCError) -> JSONWebKeySet {
        try await fetch(JSONWebKeySet.self, from: metadata.jwksURI, limit: OIDCLimits.maxKeySetBytes, what: "JWKS")
    }

    private func fetch<Document: Decodable>(_ type: Document.Type, from url: String, limit: Int, what: String) async throws(OIDCError) -> Document {
        logger.debug("fetching OIDC \(what)", metadata: ["url": "\(url)"])
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: timeout, logger: logger)
            guard response.status == .ok else {
                throw OIDCError(.discoveryFailed, "the \(what) at \(url) answered HTTP \(response.status.code)")
            }
            body = try await response.body.collect(upTo: limit)
        } catch let error as OIDCError {
            throw error
        } catch is NIOTooManyBytesError {
            throw OIDCError(.discoveryFailed, "the \(what) at \(url) exceeds \(limit) bytes")
        } catch {
            throw OIDCError(.discoveryFailed, "cannot fetch the \(what) at \(url): \(error)")
        }
        do {
            return try JSONDecoder().decode(Document.self, from: Data(body.readableBytesView))
        } catch {
            throw OIDCError(.discoveryFailed, "the \(what) at \(url) does not parse: \(error)")
        }
    }
}
