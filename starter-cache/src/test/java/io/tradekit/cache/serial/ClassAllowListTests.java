package io.tradekit.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.cache.gadget.Outsider;
import io.tradekit.cache.sample.UserDTO;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassAllowListTests {

    @Test
    void allowsConfiguredPackagesTheirArraysAndEnumsAndCommonJdkValues() {
        ClassAllowList list = new ClassAllowList(Arrays.asList("io.tradekit.cache.sample", " ", null));
        assertThat(list.packagePrefixes()).containsExactly("io.tradekit.cache.sample.");
        assertThat(list.allows(UserDTO.class)).isTrue();
        assertThat(list.allows(UserDTO[].class)).isTrue();
        assertThat(list.allows(UserDTO.Level.class)).isTrue();
        assertThat(list.allows(String.class)).isTrue();
        assertThat(list.allows(int[].class)).isTrue();
        assertThat(list.allows(java.time.LocalDateTime.class)).isTrue();
        assertThat(list.allows(List.of(1, 2, 3).getClass())).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        ClassAllowList list = new ClassAllowList(List.of("io.tradekit.cache.sample"));
        assertThat(list.allows(Outsider.class)).isFalse();
        assertThat(list.allows(Outsider[].class)).isFalse();
        assertThat(list.allows(Runtime.class)).isFalse();
        assertThat(list.allows(ProcessBuilder.class)).isFalse();
        assertThat(list.allows(java.net.URL.class)).isFalse();
        assertThat(list.allows(null)).isFalse();
        // A package that only starts with the same letters is another package.
        assertThat(new ClassAllowList(List.of("io.tradekit.cache.sam")).allows(UserDTO.class)).isFalse();
    }

    @Test
    void needsAList() {
        assertThatThrownBy(() -> new ClassAllowList(null)).isInstanceOf(NullPointerException.class);
        assertThat(new ClassAllowList(List.of()).allows(UserDTO.class)).isFalse();
    }
}
