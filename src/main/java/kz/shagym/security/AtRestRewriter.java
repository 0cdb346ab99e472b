package kz.shagym.security;

/**
 * Something else encrypted under the identity keys (besides the complaint's columns, which {@link IdentityRewriter}
 * handles) that a key rotation must rewrite to the active key, e.g. the letter files. Each feature contributes a bean;
 * the rotation endpoint runs them all, so this package need not know the features.
 */
public interface AtRestRewriter {

    /** What is rewritten, as named in the rotation's answer (e.g. {@code letterFiles}). */
    String name();

    /** Rewrites everything not yet under the active key (or still plain); returns how many items it rewrote. */
    int rewriteAll();
}
