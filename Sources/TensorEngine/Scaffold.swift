// TensorEngine: see ../../DESIGN notes in README.md. (module scaffold; the real sources replace this file)
