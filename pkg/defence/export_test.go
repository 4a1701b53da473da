package defence

// MapsBuilt reports whether r holds its figures as maps: set so
// (SetFigures), or lazy and built by Cells. For tests only.
func MapsBuilt(r *Release) bool { return r.lazy == nil || r.lazy.built.Load() != nil }
