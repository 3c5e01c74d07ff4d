/// The rows of a tab-separated screening table (`Resources/screening/*.tsv`): empty lines and
/// comments (`#`) left out, each row's columns given to `row`, which answers what is wrong with
/// it (nil: nothing). Every problem of the file is thrown at once, located at its line.
enum DataTableLines {
    static func read(_ text: String, path: String, _ row: ([Substring]) -> String?) throws(InputError) {
        var problems: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let problem = row(line.split(separator: "\t", omittingEmptySubsequences: false)) {
                problems.append(Diagnostic(SourceLocation(file: path, line: index + 1, column: 1), .error, problem))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
    }
}
