/// A value held by reference and never changed: a model value that is copied much more often
/// than it is changed (a risk factor, a site) holds its fields in one, so that a copy is one
/// retain instead of one for each of its strings and arrays. Setting a field makes a new one.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
