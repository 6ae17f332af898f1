package io.portage.edge.domain;

import java.util.List;
import java.util.Optional;

/** The keys the agent accepts, and which of them a presented key is. */
public record AccessKeys(List<AccessKey> keys) {

    public static final AccessKeys NONE = new AccessKeys(List.of());

    public AccessKeys {
        keys = List.copyOf(keys);
    }

    /**
     * The key whose hash is the presented key's. Every stored hash is compared, each in constant time, so the time
     * taken says nothing about which key came close.
     */
    public Optional<AccessKey> find(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = AccessKey.digest(presented);
        AccessKey found = null;
        for (AccessKey key : keys) {
            if (key.matchesDigest(digest) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<AccessKey> named(String name) {
        return keys.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    public long count(AccessRole role) {
        return keys.stream().filter(key -> key.role() == role).count();
    }
}
