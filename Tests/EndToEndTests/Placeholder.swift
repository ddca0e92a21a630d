// Placeholder so the package loads while this target is written; delete when the target has code.
