extension Array {
    /// The element at `index`, or `nil` past the end: for optional flags paired by position.
    func element(at index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
