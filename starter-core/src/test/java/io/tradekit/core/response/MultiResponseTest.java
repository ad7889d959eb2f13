package io.tradekit.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.error.CommonErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiResponseTest {

    @Test
    void ofIsASuccessHoldingACopyOfTheItems() {
        List<String> items = new ArrayList<>(List.of("a", "b"));

        MultiResponse<String> response = MultiResponse.of(items);
        items.add("c");

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getList()).containsExactly("a", "b");
    }

    @Test
    void ofNullGivesAnEmptyList() {
        assertThat(MultiResponse.of(null).getList()).isNotNull().isEmpty();
    }

    @Test
    void aNewResponseHasAnEmptyList() {
        assertThat(new MultiResponse<String>().getList()).isNotNull().isEmpty();
    }

    @Test
    void setListNullKeepsTheListNonNull() {
        MultiResponse<String> response = MultiResponse.of(List.of("a"));

        response.setList(null);

        assertThat(response.getList()).isNotNull().isEmpty();
    }

    @Test
    void failHasAnEmptyList() {
        MultiResponse<String> byCode = MultiResponse.fail(CommonErrorCode.TOO_MANY_REQUESTS);
        MultiResponse<String> byString = MultiResponse.fail("X", "y");

        assertThat(byCode.isSuccess()).isFalse();
        assertThat(byCode.getCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(byCode.getList()).isEmpty();
        assertThat(byString.getCode()).isEqualTo("X");
        assertThat(byString.getMessage()).isEqualTo("y");
        assertThat(byString.getList()).isEmpty();
    }

    @Test
    void toStringShowsTheSizeButNotTheElements() {
        assertThat(MultiResponse.of(List.of("secret-1", "secret-2")).toString())
                .contains("listSize=2")
                .doesNotContain("secret-1");
    }
}
