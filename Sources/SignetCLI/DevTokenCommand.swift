import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `signet dev-token`: a fresh identity token from the development issuer of a `signetd --dev`
/// stack, for `--identity-token` (Signet's or sigstore-python's) in local runs and tests.
struct DevTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-token",
        abstract: "Print an identity token minted by a signetd --dev stack (development only).",
        discussion: """
        Calls POST <url>/oidc/dev/token, which exists only in signetd --dev: the token is signed by
        the stack's development issuer, so only CAs that trust that issuer accept it.

          signet dev-token --subject alice@example.test
          signet dev-token --github-actions --repository octo-org/app --ref refs/tags/v1.0.0
        """
    )

    @Option(help: "The token's subject; an email address also becomes the token's verified email.")
    var subject: String?

    @Option(help: "Base URL of the signetd --dev stack.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "The audience (client ID) the token is for.")
    var audience = "sigstore"

    @Option(help: "How long the token is valid: seconds, or a number followed by s, m or h.")
    var lifetime = "10m"

    @Option(name: .customLong("claim"), help: "An extra string claim, as NAME=VALUE (repeatable).")
    var claims: [String] = []

    @Flag(help: "Mint a token shaped like GitHub Actions' (subject and claims), for --repository.")
    var githubActions = false

    @Option(help: "With --github-actions: the repository, as owner/name.")
    var repository: String?

    @Option(help: "With --github-actions: the triggering ref (default refs/heads/main).")
    var ref: String?

    @Option(help: "With --github-actions: the commit SHA (default derived from the repository and ref).")
    var sha: String?

    @Option(help: "With --github-actions: the workflow file (default .github/workflows/release.yml).")
    var workflow: String?

    @Option(help: "With --github-actions: the triggering event (default push).")
    var eventName: String?

    @Option(help: "With --github-actions: the job's deployment environment, if any.")
    var environment: String?

    func validate() throws {
        guard Self.seconds(in: lifetime) != nil else {
            throw ValidationError("--lifetime must be a positive number of seconds, optionally followed by s, m or h (e.g. 10m)")
        }
        guard githubActions == (repository != nil) else {
            throw ValidationError("--github-actions and --repository go together")
        }
        guard githubActions || [ref, sha, workflow, eventName, environment].allSatisfy({ $0 == nil }) else {
            throw ValidationError("--ref, --sha, --workflow, --event-name and --environment need --github-actions")
        }
        guard claims.allSatisfy({ $0.contains("=") && !$0.hasPrefix("=") }) else {
            throw ValidationError("--claim takes NAME=VALUE")
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("--url must be an http(s) URL")
        }
    }

    func run() async throws {
        var request = HTTPClientRequest(url: (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/oidc/dev/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(requestBody())))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 64 * 1024)
            let reply = try? JSONDecoder().decode([String: JSONScalar].self, from: Data(body.readableBytesView))
            guard response.status == .ok, case .string(let token)? = reply?["token"] else {
                let message = reply?["message"].map { "\($0)" } ?? "HTTP \(response.status.code)"
                try fail("the dev issuer at \(url) refused: \(message)")
            }
            print(token)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            try fail("cannot reach the dev issuer at \(url) (is signetd --dev running?): \(error)")
        }
    }

    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("signet dev-token: \(message)\n".utf8))
        throw ExitCode.failure
    }

    /// The body `POST /oidc/dev/token` reads (see `DevIdentityProviderRoutes`).
    private func requestBody() -> DevTokenRequestBody {
        var workflowFields: [String: String]?
        if let repository {
            workflowFields = ["repository": repository]
            workflowFields?["ref"] = ref
            workflowFields?["sha"] = sha
            workflowFields?["workflowPath"] = workflow
            workflowFields?["eventName"] = eventName
            workflowFields?["environment"] = environment
        }
        let email = subject.flatMap { $0.contains("@") ? $0 : nil }
        return DevTokenRequestBody(
            subject: subject,
            email: email,
            audience: audience,
            lifetimeSeconds: Self.seconds(in: lifetime),
            claims: Dictionary(claims.map { claim in
                let parts = claim.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), String(parts[1]))
            }, uniquingKeysWith: { _, last in last }),
            githubActions: workflowFields
        )
    }

    /// `600`, `90s`, `10m`, `1h` → seconds.
    static func seconds(in text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        let (number, unit) = text.last.flatMap { units[$0] }.map { (text.dropLast(), $0) } ?? (text[...], 1)
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        return value * unit
    }
}

private struct DevTokenRequestBody: Encodable {
    var subject: String?
    var email: String?
    var audience: String
    var lifetimeSeconds: Double?
    var claims: [String: String]
    var githubActions: [String: String]?
}

/// A JSON string or number from the reply, enough to read `token` and an error `message`.
private enum JSONScalar: Decodable, CustomStringConvertible {
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        self = (try? decoder.singleValueContainer().decode(String.self)).map(JSONScalar.string) ?? .other
    }

    var description: String {
        if case .string(let value) = self { value } else { "?" }
    }
}
