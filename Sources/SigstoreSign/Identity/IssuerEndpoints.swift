import Foundation
import ServiceClients

/// The two endpoints of an OpenID Connect issuer a browser login needs, from its discovery
/// document (`<issuer>/.well-known/openid-configuration`, OpenID Connect Discovery 1.0 §4).
struct IssuerEndpoints: Sendable, Decodable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
    }

    /// Fetches and checks the discovery document: its `issuer` must be the one asked for.
    static func discover(issuer: URL, http: ServiceHTTPClient) async throws -> IssuerEndpoints {
        let base = issuer.absoluteString.hasSuffix("/") ? String(issuer.absoluteString.dropLast()) : issuer.absoluteString
        let url = base + "/.well-known/openid-configuration"
        let endpoints: IssuerEndpoints
        do {
            let response = try await http.get(url, accept: "application/json").requireSuccess("the identity provider")
            endpoints = try JSONDecoder().decode(IssuerEndpoints.self, from: Data(response.body))
        } catch {
            throw SigningError(.identityToken, "cannot discover the identity provider \(base): \(error)")
        }
        let declared = endpoints.issuer.hasSuffix("/") ? String(endpoints.issuer.dropLast()) : endpoints.issuer
        guard declared == base else {
            throw SigningError(.identityToken, "the discovery document at \(url) names another issuer (\(endpoints.issuer))")
        }
        return endpoints
    }
}
