package io.portage.edi.domain.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The X12 code lists Portage relies on ({@code x12/code-lists.properties}, plus a partner's own codes), checked after
 * StAEDI has read a set, which it does not do for transaction-set elements: a value not in its element's list is an
 * element error (AK4 code 7, with the data element number) that refuses the set like any other read error.
 */
public final class CodeLists {

    private static final Pattern KEY = Pattern.compile("([0-9]{3})\\.([A-Z0-9]{2,3})([0-9]{2})\\.([0-9]{1,4})");
    private static final List<Entry> BUILT_IN = load();

    /** The codes allowed in element {@code position} of {@code segment} (data element {@code reference}) of a set type. */
    public record Entry(String setType, String segment, int position, String reference, Set<String> codes) {

        /** The same element with more codes. */
        Entry with(Set<String> more) {
            Set<String> all = new HashSet<>(codes);
            all.addAll(more);
            return new Entry(setType, segment, position, reference, Set.copyOf(all));
        }
    }

    private CodeLists() {
    }

    /**
     * The interchange with every set checked against the built-in lists, widened by {@code extra}: codes per
     * {@code <set>.<segment><element>} (e.g. {@code 214.AT701}), or lists of elements the built-in ones do not cover
     * as {@code <set>.<segment><element>.<reference>}.
     */
    public static ReceivedInterchange check(ReceivedInterchange interchange, Map<String, Set<String>> extra) {
        List<Entry> lists = lists(extra);
        List<ReceivedInterchange.Group> groups = interchange.groups()
                .stream()
                .map(group -> new ReceivedInterchange.Group(group.functionalId(), group.controlNumber(), group.version(),
                        group.sets().stream().map(set -> check(set, lists)).toList(), group.errorCodes()))
                .toList();
        return new ReceivedInterchange(interchange.sender(), interchange.receiver(), interchange.controlNumber(),
                interchange.date(), interchange.time(), interchange.acknowledgmentRequested(),
                interchange.acknowledgments(), groups, interchange.errors());
    }

    private static ReceivedInterchange.TransactionSet check(ReceivedInterchange.TransactionSet set, List<Entry> lists) {
        List<Entry> mine = lists.stream().filter(entry -> entry.setType().equals(set.type())).toList();
        if (mine.isEmpty()) {
            return set;
        }
        List<ReceivedInterchange.SegmentError> found = new ArrayList<>();
        for (ReceivedInterchange.Segment segment : set.segments()) {
            for (Entry entry : mine) {
                if (!entry.segment().equals(segment.tag())) {
                    continue;
                }
                String value = segment.element(entry.position());
                boolean reported = set.errors()
                        .stream()
                        .anyMatch(error -> error.segmentPosition() == segment.position()
                                && Integer.valueOf(entry.position()).equals(error.elementPosition()));
                if (!value.isEmpty() && !entry.codes().contains(value) && !reported) {
                    found.add(new ReceivedInterchange.SegmentError(segment.tag(), segment.position(), null, "8",
                            entry.position(), entry.reference(), "7", value, "invalid code value"));
                }
            }
        }
        if (found.isEmpty()) {
            return set;
        }
        List<ReceivedInterchange.SegmentError> errors = new ArrayList<>(set.errors());
        errors.addAll(found);
        errors.sort(Comparator.comparingInt(ReceivedInterchange.SegmentError::segmentPosition));
        return new ReceivedInterchange.TransactionSet(set.type(), set.controlNumber(), set.segments(), List.copyOf(errors),
                set.errorCodes());
    }

    private static List<Entry> lists(Map<String, Set<String>> extra) {
        List<Entry> lists = new ArrayList<>();
        for (Entry entry : BUILT_IN) {
            Set<String> more = extra.get(entry.setType() + "." + entry.segment() + String.format("%02d", entry.position()));
            lists.add(more == null ? entry : entry.with(more));
        }
        extra.forEach((key, codes) -> {
            Matcher matcher = KEY.matcher(key);
            if (matcher.matches()) {
                lists.add(entry(matcher, codes));
            }
        });
        return lists;
    }

    private static Entry entry(Matcher key, Set<String> codes) {
        return new Entry(key.group(1), key.group(2), Integer.parseInt(key.group(3)), key.group(4), Set.copyOf(codes));
    }

    private static List<Entry> load() {
        Properties properties = new Properties();
        try (InputStream in = CodeLists.class.getResourceAsStream("/x12/code-lists.properties")) {
            if (in == null) {
                throw new IllegalStateException("x12/code-lists.properties is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream().map(name -> {
            Matcher matcher = KEY.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("x12/code-lists.properties: '" + name + "' is not <set>.<element>.<number>");
            }
            return entry(matcher, Arrays.stream(properties.getProperty(name).split(","))
                    .map(String::trim)
                    .collect(Collectors.toSet()));
        }).toList();
    }
}
