import ZPrimeCore

/// A bad input to an observable: the one ``Problem`` type of every stage, naming the input, the value
/// and what is wrong.
///
/// ```swift
/// do { _ = try LeveilleLoopFunctions(leptonMass: 0.1057, bosonMass: -1, internalMass: 0.1057) }
/// catch { print(error) }   // "mass -1.0: must be finite and > 0"
/// ```
public typealias ObservableError = Problem
