package kz.shagym.deadline;

/** Research confidence label (deadline-rules.md): V1 primary text, V2 secondary source, M memory, X open question. */
public enum Confidence {
    V1, V2, M, X;

    public boolean verified() {
        return this == V1 || this == V2;
    }
}
