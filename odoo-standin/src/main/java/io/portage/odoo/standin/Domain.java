package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Evaluates an Odoo search domain (prefix {@code & | !} and {@code [field, operator, value]} leaves) on stored rows. */
final class Domain {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "in", "not in", "<", "<=", ">", ">=", "like",
            "ilike", "not like", "not ilike", "=like", "=ilike");

    private final Orm orm;
    private final Model model;
    private final List<?> terms;
    private int position;

    private Domain(Orm orm, Model model, List<?> terms) {
        this.orm = orm;
        this.model = model;
        this.terms = terms;
    }

    static Predicate<Map<String, Object>> compile(Orm orm, Model model, Object domain) {
        if (domain == null || Boolean.FALSE.equals(domain)) {
            return row -> true;
        }
        if (!(domain instanceof List<?> terms)) {
            throw OdooError.valueError("Invalid domain: " + domain);
        }
        Domain parser = new Domain(orm, model, terms);
        Predicate<Map<String, Object>> result = row -> true;
        while (parser.position < terms.size()) {
            result = result.and(parser.parse());
        }
        return result;
    }

    private Predicate<Map<String, Object>> parse() {
        if (position >= terms.size()) {
            throw OdooError.valueError("Invalid domain: missing operand in " + terms);
        }
        Object term = terms.get(position++);
        if ("&".equals(term)) {
            return parse().and(parse());
        }
        if ("|".equals(term)) {
            return parse().or(parse());
        }
        if ("!".equals(term)) {
            return parse().negate();
        }
        if (term instanceof List<?> leaf && leaf.size() == 3 && leaf.get(0) instanceof String path
                && leaf.get(1) instanceof String operator) {
            String op = operator.toLowerCase();
            if (!OPERATORS.contains(op)) {
                throw OdooError.valueError("Invalid leaf " + leaf + ": unsupported operator " + operator);
            }
            Object value = leaf.get(2);
            return row -> leaf(model, row, path, op, value);
        }
        if (term instanceof List<?> leaf && leaf.size() == 3 && Integer.valueOf(1).equals(leaf.get(0))) {
            boolean truth = Integer.valueOf(1).equals(leaf.get(2));
            return row -> truth;
        }
        throw OdooError.valueError("Invalid leaf " + term);
    }

    private boolean leaf(Model current, Map<String, Object> row, String path, String op, Object value) {
        String[] parts = path.split("\\.", 2);
        Field field = current.fields.get(parts[0]);
        if (field == null) {
            throw OdooError.valueError("Invalid field " + current.name + "." + parts[0] + " in leaf " + List.of(path, op,
                    String.valueOf(value)));
        }
        boolean negative = op.equals("!=") || op.startsWith("not ");
        String positive = negative ? (op.equals("!=") ? "=" : op.substring(4)) : op;
        Object raw = orm.value(current, row, field);
        if (parts.length == 2) {
            if (!field.type.relational()) {
                throw OdooError.valueError("Invalid field " + path + " in leaf: " + parts[0] + " is not relational");
            }
            Model comodel = orm.model(field.comodel);
            boolean any = false;
            for (Integer id : ids(raw)) {
                Map<String, Object> child = orm.row(field.comodel, id);
                if (child != null && leaf(comodel, child, parts[1], positive, value)) {
                    any = true;
                    break;
                }
            }
            return negative != any;
        }
        List<Object> candidates = new ArrayList<>();
        if (field.type.x2many()) {
            candidates.addAll(ids(raw));
        } else {
            candidates.add(raw);
        }
        if (candidates.isEmpty()) {
            candidates.add(null);
        }
        boolean any = false;
        for (Object candidate : candidates) {
            if (match(field, candidate, positive, value)) {
                any = true;
                break;
            }
        }
        return negative != any;
    }

    private static List<Integer> ids(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof Integer id) {
            return List.of(id);
        }
        @SuppressWarnings("unchecked")
        List<Integer> list = (List<Integer>) raw;
        return list;
    }

    private boolean match(Field field, Object candidate, String op, Object value) {
        return switch (op) {
            case "=" -> equal(field, candidate, value);
            case "in" -> {
                if (!(value instanceof Collection<?> values)) {
                    throw OdooError.valueError("Invalid leaf: 'in' needs a list, got " + value);
                }
                yield values.stream().anyMatch(v -> equal(field, candidate, v));
            }
            case "<", "<=", ">", ">=" -> {
                if (candidate == null || value == null || Boolean.FALSE.equals(value)) {
                    yield false;
                }
                int cmp = compare(candidate, value);
                yield switch (op) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    default -> cmp >= 0;
                };
            }
            default -> like(field, candidate, op, value);
        };
    }

    private boolean equal(Field field, Object candidate, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return candidate == null || Boolean.FALSE.equals(candidate);
        }
        if (field.type == Field.Type.BOOLEAN) {
            return Boolean.TRUE.equals(value) == Boolean.TRUE.equals(candidate);
        }
        if (candidate == null) {
            return false;
        }
        if (field.type.relational() && value instanceof String name) {
            return name.equals(orm.displayName(field.comodel, (Integer) candidate));
        }
        if (candidate instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return candidate.toString().equals(value.toString());
    }

    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    private boolean like(Field field, Object candidate, String op, Object value) {
        if (candidate == null || value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        String text = field.type.relational()
                ? orm.displayName(field.comodel, (Integer) candidate)
                : candidate.toString();
        String pattern = op.startsWith("=") ? value.toString() : "%" + value + "%";
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '%' -> ".*";
                case '_' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        int flags = op.endsWith("ilike")
                ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL
                : Pattern.DOTALL;
        return Pattern.compile(regex.toString(), flags).matcher(text).matches();
    }
}
