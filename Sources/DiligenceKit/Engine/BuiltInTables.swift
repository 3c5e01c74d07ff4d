import Dispatch

/// The built-in tables a check builds once a process: the name normaliser's (about 250 M
/// instructions: the screening data files folded), the country shapes (the outlines' 20,000
/// coordinates), the gazetteer's rows and the country table.
public enum BuiltInTables {
    /// Starts building them on background threads and returns at once. Each is a lazily made
    /// constant that whoever asks first builds and others wait for: started here, they are
    /// built while the database loads and the first policies are read, not by the check's first
    /// rules while the other worker waits (the same tables, built earlier).
    ///
    /// One after another on one thread: built side by side, their passing allocations met in a
    /// higher peak of memory (about 1 MiB on the heavy portfolio).
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = NameNormalizer.standard
            _ = CountryTable.shared
            _ = CountryShapes.builtIn
            _ = Gazetteer.shared
        }
    }
}
