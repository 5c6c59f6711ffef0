// ZPrimeConstraints: experimental limits and constraints behind one interface.
//
// - The limit library (``LimitCatalogue``): DarkCast's 51 recastable limits and newer curves from
//   openly licensed repositories, loaded from data files plus manifests and validated when loaded.
// - Recasting (``LimitRecaster``) of any limit to any model by the method of Ilten, Soreq,
//   Williams, Xue (arXiv:1801.04847, section 2): production, branching-ratio and lifetime ratios,
//   solved for the model's coupling to 1e-9 relative.
// - Constraints computed from the observables (g-2, atomic parity violation, E158, ATOMKI).
// - ``ConstraintRegistry``: every limit and constraint as a ``ConstraintProvider``, prepared for a
//   model (``PreparedConstraint``) and evaluated at (mass, coupling).
