package org.chokepoint;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Sizes of what objects hold, for tests that bound memory without reading the heap. */
public final class Footprints {

    private Footprints() {}

    /**
     * The arrays {@code o} holds in its own fields (not what their elements refer to): a 16-byte
     * header each and 4 bytes a reference, as with compressed references in heaps below 32 GB.
     */
    public static long arrayBytes(Object o) {
        long bytes = 0;
        for (Class<?> k = o.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!f.getType().isArray() || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object a;
                try {
                    a = f.get(o);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                if (a != null) {
                    Class<?> t = f.getType().getComponentType();
                    long size = t == double.class || t == long.class ? 8 : t == boolean.class || t == byte.class ? 1 : 4;
                    bytes += 16 + size * Array.getLength(a);
                }
            }
        }
        return bytes;
    }
}
