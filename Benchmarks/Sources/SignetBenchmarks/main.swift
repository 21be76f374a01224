import Foundation

// Prints benchmark figures for each area named on the command line (all areas by default).
let areas: [String: () throws -> Void] = [
    "merkle": MerkleBenchmarks.run,
]

let requested = CommandLine.arguments.dropFirst()
let selected = requested.isEmpty ? areas.keys.sorted() : Array(requested)
for name in selected {
    guard let run = areas[name] else {
        print("unknown benchmark area '\(name)'; known: \(areas.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    print("== \(name)")
    try run()
}
