package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The matching engine behind the public pattern classes: a glob over a range of a string, split
 * at its colon-crossing stars into {@link Block}s.
 *
 * <p>Matching is greedy and never backtracks: the first block is anchored at the start, the last
 * at the end, and each block in between takes its occurrence that ends first. That is exact for
 * globs, because whatever a later block could match after a later end it can also match after
 * an earlier one (a colon-crossing star absorbs the difference). Every input character is
 * scanned by at most one block, so a match costs {@code O(n * ceil(m / 64))} for an input of
 * length {@code n} and blocks of at most {@code m} positions; anchored fixed blocks are
 * compared in place in {@code O(m)}.
 *
 * <p>A pattern whose variables all stand in its literal tail (no wildcard after the first
 * variable, as in {@code arn:aws:iam::*:user/${aws:username}}) is matched without allocating:
 * the tail has a fixed length once its variables are looked up, so it is compared in place at
 * the end of the input and the compiled head matches the rest. Any other pattern with variables
 * keeps its symbols and, per match, replays them with the substituted text as literal characters
 * into a fresh program. That allocates, but keeps the linear bound even when the substituted text
 * is long or adversarial.
 *
 * <p>Immutable and thread-safe.
 */
final class GlobProgram {

    private static final byte STAR = 3;
    private static final byte STAR_BUT_COLON = 4;
    private static final byte VARIABLE = 5;

    private final Block[] blocks;
    private final boolean leadingStar;
    private final boolean trailingStar;

    // Set only for a pattern with variables, which is compiled per match instead.
    private final boolean ignoreCase;
    private final byte[] kinds;
    private final char[] chars;
    private final Variable[] variables;
    /** For a pattern whose variables stand in its literal tail: the compiled head, else null. */
    private final GlobProgram head;
    /** Where the literal tail starts in {@link #kinds}, when {@link #head} is set. */
    private final int tailStart;

    private GlobProgram(Block[] blocks, boolean leadingStar, boolean trailingStar) {
        this.blocks = blocks;
        this.leadingStar = leadingStar;
        this.trailingStar = trailingStar;
        this.ignoreCase = false;
        this.kinds = null;
        this.chars = null;
        this.variables = null;
        this.head = null;
        this.tailStart = 0;
    }

    private GlobProgram(boolean ignoreCase, byte[] kinds, char[] chars, Variable[] variables) {
        this.blocks = null;
        this.leadingStar = false;
        this.trailingStar = false;
        this.ignoreCase = ignoreCase;
        this.kinds = kinds;
        this.chars = chars;
        this.variables = variables;
        int firstVariable = 0;
        while (kinds[firstVariable] != VARIABLE) {
            firstVariable++;
        }
        boolean literalTail = true;
        for (int i = firstVariable; i < kinds.length; i++) {
            literalTail &= kinds[i] == VARIABLE || kinds[i] == Block.LITERAL;
        }
        this.tailStart = firstVariable;
        this.head = literalTail ? compile(kinds, chars, firstVariable, ignoreCase) : null;
    }

    /**
     * Whether the glob matches exactly {@code s[from, to)}; false as well when a variable cannot
     * be resolved.
     *
     * <p>One method on purpose, over the 325 bytes of bytecode up to which HotSpot's C2 inlines a
     * hot callee: compiled once on its own, it is called from the decision walks, where inlined
     * copies of it (action, resource and condition patterns each) made those compiles take a
     * second each and doubled the CPU `iamgate eval` spends on a million cases (BENCHMARKS.md).
     */
    boolean matches(String s, int from, int to, RequestKeys keys) {
        GlobProgram program = this;
        int end = to;
        if (variables != null) {
            if (head == null) {
                GlobProgram resolved = resolve(keys);
                return resolved != null && resolved.matches(s, from, to, keys);
            }
            // The literal tail, its variables looked up, compared in place at the end; the head
            // glob then matches what comes before it.
            int tailLength = 0;
            int next = 0;
            for (int i = tailStart; i < kinds.length; i++) {
                if (kinds[i] == VARIABLE) {
                    String value = variables[next++].resolve(keys);
                    if (value == null) {
                        return false;
                    }
                    tailLength += value.length();
                } else {
                    tailLength++;
                }
            }
            end = to - tailLength;
            if (end < from) {
                return false;
            }
            int at = end;
            next = 0;
            for (int i = tailStart; i < kinds.length; i++) {
                if (kinds[i] == VARIABLE) {
                    // Looked up again rather than kept: keeping would allocate, and the lookup is a hash probe.
                    String value = variables[next++].resolve(keys);
                    for (int k = 0; k < value.length(); k++) {
                        if (!same(value.charAt(k), s.charAt(at++))) {
                            return false;
                        }
                    }
                } else if (!same(chars[i], s.charAt(at++))) {
                    return false;
                }
            }
            program = head;
        }
        // The blocks: the first anchored at the start, the last at the end, the others each at
        // their occurrence that ends first.
        Block[] blocks = program.blocks;
        int count = blocks.length;
        if (count == 0) {
            return program.leadingStar || from == end;
        }
        if (count == 1 && !program.leadingStar && !program.trailingStar) {
            return blocks[0].matchesExactly(s, from, end);
        }
        int first = 0;
        int last = count - 1;
        int stop = end;
        if (!program.trailingStar && blocks[last].isFixed()) {
            // Fixing the last block first bounds the search of the others.
            stop = end - blocks[last].length();
            if (!blocks[last].matchesSuffix(s, from, end)) {
                return false;
            }
            last--;
        }
        int pos = from;
        if (!program.leadingStar) {
            pos = blocks[0].matchPrefix(s, from, stop);
            if (pos < 0) {
                return false;
            }
            first = 1;
        }
        boolean lastAtEnd = !program.trailingStar && last == count - 1;
        int lastFloating = lastAtEnd ? last - 1 : last;
        for (int i = first; i <= lastFloating; i++) {
            pos = blocks[i].find(s, pos, stop);
            if (pos < 0) {
                return false;
            }
        }
        return !lastAtEnd || blocks[last].matchesSuffix(s, pos, end);
    }

    private boolean same(char expected, char actual) {
        return expected == actual || (ignoreCase && CaseFold.fold(expected) == CaseFold.fold(actual));
    }

    /**
     * This program for one request: itself when it matches without compiling per match, else the
     * program with the request's variables substituted (null when one cannot be resolved). For a
     * caller that matches many values of one request, so substitution is paid once, not per value.
     */
    GlobProgram bind(RequestKeys keys) {
        return compilesPerMatch() ? resolve(keys) : this;
    }

    /** Whether a match substitutes variables and compiles the result (see the class comment). */
    boolean compilesPerMatch() {
        return variables != null && head == null;
    }

    private GlobProgram resolve(RequestKeys keys) {
        Builder builder = new Builder(ignoreCase);
        int next = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == VARIABLE) {
                String value = variables[next++].resolve(keys);
                if (value == null) {
                    return null;
                }
                for (int k = 0; k < value.length(); k++) {
                    builder.literal(value.charAt(k));
                }
            } else {
                builder.add(kinds[i], chars[i]);
            }
        }
        return compile(builder.kinds, builder.chars, builder.size, ignoreCase);
    }

    private static GlobProgram compile(byte[] kinds, char[] chars, int size, boolean ignoreCase) {
        List<Piece> pieces = new ArrayList<>();
        boolean leading = false;
        boolean trailing = false;
        char[] pieceChars = new char[size];
        byte[] pieceKinds = new byte[size];
        long[] loops = null;
        int n = 0;
        int i = 0;
        while (i < size) {
            byte kind = kinds[i];
            if (kind != STAR && kind != STAR_BUT_COLON) {
                char c = chars[i++];
                pieceChars[n] = ignoreCase && kind == Block.LITERAL ? CaseFold.fold(c) : c;
                pieceKinds[n++] = kind;
                continue;
            }
            // A run of stars acts as one star; it crosses colons if any of them does.
            boolean crosses = false;
            int runStart = i;
            while (i < size && (kinds[i] == STAR || kinds[i] == STAR_BUT_COLON)) {
                crosses |= kinds[i++] == STAR;
            }
            if (crosses) {
                leading |= runStart == 0;
                trailing |= i == size;
                if (n > 0 || loops != null) {
                    pieces.add(new Piece(pieceChars, pieceKinds, n, loops));
                }
                n = 0;
                loops = null;
            } else {
                if (loops == null) {
                    loops = new long[(size >>> 6) + 1];
                }
                loops[n >>> 6] |= 1L << n;
            }
        }
        if (n > 0 || loops != null) {
            pieces.add(new Piece(pieceChars, pieceKinds, n, loops));
        }
        Block[] blocks = new Block[pieces.size()];
        for (int k = 0; k < blocks.length; k++) {
            // Fixed blocks anchored at either end are only compared in place: no automaton.
            boolean anchored = (k == 0 && !leading) || (k == blocks.length - 1 && !trailing);
            blocks[k] = pieces.get(k).toBlock(ignoreCase, !anchored);
        }
        return new GlobProgram(blocks, leading, trailing);
    }

    /** A block's positions as collected, before its role (anchored or searched) is known. */
    private record Piece(char[] chars, byte[] kinds, long[] loops) {

        Piece(char[] chars, byte[] kinds, int n, long[] loops) {
            this(Arrays.copyOf(chars, n), Arrays.copyOf(kinds, n),
                    loops == null ? null : Arrays.copyOf(loops, (n >>> 6) + 1));
        }

        Block toBlock(boolean ignoreCase, boolean searched) {
            return new Block(chars, kinds, loops, ignoreCase, searched);
        }
    }

    /** Collects a pattern's symbols; {@link VariableParser.Sink} input gets glob syntax. */
    static final class Builder implements VariableParser.Sink {

        private final boolean ignoreCase;
        private byte[] kinds = new byte[16];
        private char[] chars = new char[16];
        private int size;
        private final List<Variable> variables = new ArrayList<>();
        private boolean wildcards;

        Builder(boolean ignoreCase) {
            this.ignoreCase = ignoreCase;
        }

        @Override
        public void raw(char c) {
            if (c == '*') {
                star(true);
            } else if (c == '?') {
                any(true);
            } else {
                literal(c);
            }
        }

        @Override
        public void escaped(char c) {
            literal(c);
        }

        @Override
        public void variable(Variable variable) {
            variables.add(variable);
            add(VARIABLE, '\0');
        }

        void literal(char c) {
            add(Block.LITERAL, c);
        }

        /** A {@code ?}; {@code matchesColon} false inside the first five segments of an ARN. */
        void any(boolean matchesColon) {
            wildcards = true;
            add(matchesColon ? Block.ANY : Block.ANY_BUT_COLON, '?');
        }

        /** A {@code *}; {@code crossesColon} false inside the first five segments of an ARN. */
        void star(boolean crossesColon) {
            wildcards = true;
            add(crossesColon ? STAR : STAR_BUT_COLON, '*');
        }

        /** Whether no wildcard and no variable was added. */
        boolean isLiteral() {
            return !wildcards && variables.isEmpty();
        }

        /** The characters added so far; the literal text when {@link #isLiteral()}. */
        String text() {
            return new String(chars, 0, size);
        }

        GlobProgram build() {
            if (variables.isEmpty()) {
                return compile(kinds, chars, size, ignoreCase);
            }
            return new GlobProgram(ignoreCase, Arrays.copyOf(kinds, size), Arrays.copyOf(chars, size),
                    variables.toArray(new Variable[0]));
        }

        private void add(byte kind, char c) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                chars = Arrays.copyOf(chars, size * 2);
            }
            kinds[size] = kind;
            chars[size++] = c;
        }
    }
}
