import Foundation

/// Loads files from the test target's `Fixtures/` resource folder.
enum Fixture {
    static func data(_ name: String, extension ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).\(ext)"])
        }
        return try Data(contentsOf: url)
    }
}
