import Foundation
import SigstoreVerify
import Testing

@testable import SignetCLI

/// The `FILE|sha256:HEX` argument, by the sigstore-conformance rule.
@Suite struct ArtifactReferenceTests {
    static let hex = "70ed0277251d0cf2eb5eda8b574ce012de485e39a3de1fb4b1e0717e14b02d6a"

    @Test(arguments: [
        ("sha256:" + hex, true),
        ("SHA256:" + hex, true),
        ("sha512:" + String(repeating: "0f", count: 64), true),
        ("sha256:" + hex.dropLast(2), false),
        ("sha256:" + hex + "00", false),
        ("sha1:" + String(repeating: "0", count: 40), false),
        ("a.txt", false),
    ])
    func recognisesDigests(_ text: String, _ isDigest: Bool) {
        #expect(ArtifactReference(text).isDigest == isDigest)
    }

    @Test func anExistingPathIsAFileEvenWhenItLooksLikeADigest() throws {
        let scratch = try ScratchDirectory()
        let name = "sha256:" + Self.hex
        _ = try scratch.write(name, Array("hello".utf8))
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(scratch.url.path))
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let reference = ArtifactReference(name)
        #expect(!reference.isDigest)
        #expect(reference.artifact == .file(URL(fileURLWithPath: name)))
    }

    @Test func aMissingFileFailsWithAHintForMalformedDigests() throws {
        #expect(throws: CLIError(.unreadableFile, "the artifact sha256:12 does not exist (a digest is written sha256: followed by 64 hex digits)")) {
            try ArtifactReference("sha256:12").checkReadable()
        }
        #expect(throws: CLIError(.unreadableFile, "the artifact /no/such/file does not exist")) {
            try ArtifactReference("/no/such/file").checkReadable()
        }
        #expect(throws: CLIError(.unreadableFile, "the artifact / is a directory")) {
            try ArtifactReference("/").checkReadable()
        }
    }

    @Test func missingInputsFailWithOneLine() throws {
        let bundle = RealBundle.all[0]
        let noArtifact = try SignetProcess.run(try bundle.arguments(artifact: "/no/such/artifact"))
        #expect(noArtifact.status == 1)
        #expect(noArtifact.standardError == "Error: the artifact /no/such/artifact does not exist\n")

        var arguments = try bundle.arguments()
        arguments[arguments.firstIndex(of: "--bundle")! + 1] = "/no/such/bundle.json"
        let noBundle = try SignetProcess.run(arguments)
        #expect(noBundle.status == 1)
        #expect(noBundle.errorLines.count == 1)
        #expect(noBundle.standardError.hasPrefix("Error: cannot read the bundle /no/such/bundle.json"), "\(noBundle)")

        arguments[arguments.firstIndex(of: "--bundle")! + 1] = try Fixture.path("artifacts/a.txt")
        let notABundle = try SignetProcess.run(arguments)
        #expect(notABundle.status == 1)
        #expect(notABundle.errorLines.count == 1)
        #expect(notABundle.standardError.contains("is not valid"), "\(notABundle)")
    }
}
