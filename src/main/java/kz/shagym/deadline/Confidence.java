package kz.shagym.deadline;

/** How far a rule's number was checked against its source: V1 primary text, V2 secondary source, M memory, X open question. */
public enum Confidence {
    V1, V2, M, X;

    public boolean verified() {
        return this == V1 || this == V2;
    }
}
