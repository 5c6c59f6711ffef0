import ArgumentParser
import Foundation
import ZPrimeKit

/// The `zprime` command: every pipeline stage as a subcommand.
///
/// Exit status: 0 success, 1 a negative verdict (e.g. not anomaly free), 2 bad input.
struct ZPrimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zprime",
        abstract: "Exact and fast phenomenology of U(1) gauge extensions of the Standard Model.",
        discussion: """
        Models are built-in names (see `zprime models`) or .toml/.json model files \
        (see docs/model-files.md).
        Exit status: 0 success, 1 a negative verdict (for example: not anomaly free), 2 bad input.
        """,
        version: "0.1.0",
        subcommands: [ModelsCommand.self, ModelCommand.self, AnomaliesCommand.self, AtlasCommand.self, CouplingsCommand.self, DecaysCommand.self,
                      G2Command.self, ObservablesCommand.self, SpectrumCommand.self, LimitsCommand.self, RecastCommand.self, CheckCommand.self,
                      CevnsCommand.self, SolarCommand.self, NeutrinoLimitsCommand.self, NA64muCommand.self, TridentCommand.self, NeffCommand.self,
                      ProbesCommand.self, FlavourCommand.self, WCXFCommand.self, ScanCommand.self, AnalyzeCommand.self, SlurmCommand.self]
    )
}

/// A negative verdict: the command's output is printed, and the process exits with status 1.
struct NegativeVerdict: Error {}

/// Errors that mean the user's input was bad: printed as `error: ...`, exit status 2.
protocol BadInputError: Error, CustomStringConvertible {}

extension ModelFileError: BadInputError {}
extension RationalError: BadInputError {}
extension AtlasError: BadInputError {}
extension AtlasStoreError: BadInputError {}

/// Bad input found after argument parsing (a value out of range, an unwritable path, ...).
struct BadInput: BadInputError {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where command output goes; a seam so that commands never call `print` deep inside.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        write(text + "\n")
    }

    /// Writes `text` as is to standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

@main
enum ZPrimeMain {
    static func main() {
        do {
            var command = try ZPrimeCommand.parseAsRoot()
            try command.run()
        } catch is NegativeVerdict {
            exit(1)
        } catch let problem as Problem {
            // The library's problems name a parameter; the option that sets it is looked up, never
            // parsed out of the message.
            Console.error("error: " + OptionNames.describe(problem))
            exit(2)
        } catch let error as any BadInputError {
            Console.error("error: \(error)")
            exit(2)
        } catch {
            // Help, version and clean exits keep ArgumentParser's behaviour and status 0.
            if ZPrimeCommand.exitCode(for: error) == .success {
                ZPrimeCommand.exit(withError: error)
            }
            // Bad input always reads "error: ..." (ArgumentParser says "Error: ...").
            let message = ZPrimeCommand.fullMessage(for: error)
            Console.error(message.hasPrefix("Error: ") ? "error: " + message.dropFirst(7) : "error: " + message)
            exit(2)
        }
    }
}
