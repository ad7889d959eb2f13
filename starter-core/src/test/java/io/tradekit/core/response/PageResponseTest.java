package io.tradekit.core.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tradekit.core.error.CommonErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageResponseTest {

    @Test
    void ofIsASuccessDescribingThePage() {
        PageResponse<String> response = PageResponse.of(List.of("a", "b"), 12, 2, 5);

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getRecords()).containsExactly("a", "b");
        assertThat(response.getTotal()).isEqualTo(12);
        assertThat(response.getPage()).isEqualTo(2);
        assertThat(response.getSize()).isEqualTo(5);
        assertThat(response.getTotalPages()).isEqualTo(3);
    }

    @Test
    void ofNullRecordsGivesAnEmptyPage() {
        PageResponse<String> response = PageResponse.of(null, 0, 1, 10);

        assertThat(response.getRecords()).isNotNull().isEmpty();
        assertThat(response.getTotalPages()).isZero();
    }

    @ParameterizedTest(name = "total {0}, size {1} -> {2} pages")
    @CsvSource({"0, 10, 0", "1, 10, 1", "10, 10, 1", "11, 10, 2", "9223372036854775807, 2, 4611686018427387904"})
    void computesTheTotalPagesRoundingUp(long total, int size, long expectedPages) {
        assertThat(PageResponse.of(List.of(), total, 1, size).getTotalPages()).isEqualTo(expectedPages);
    }

    @Test
    void aResponseWithoutSizeHasNoPages() {
        PageResponse<String> response = new PageResponse<>();
        response.setTotal(5);

        assertThat(response.getTotalPages()).isZero();
    }

    @Test
    void rejectsANegativeTotal() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageResponse.of(List.of(), -1, 1, 10))
                .withMessage("total must be >= 0 but was -1");
    }

    @Test
    void rejectsAPageBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageResponse.of(List.of(), 0, 0, 10))
                .withMessage("page is 1-based and must be >= 1 but was 0");
    }

    @Test
    void rejectsASizeBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageResponse.of(List.of(), 0, 1, 0))
                .withMessage("size must be >= 1 but was 0");
    }

    @Test
    void failHasNoRecords() {
        PageResponse<String> response = PageResponse.fail(CommonErrorCode.SERVICE_UNAVAILABLE);

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.getRecords()).isEmpty();
        assertThat(PageResponse.fail("A", "b").getMessage()).isEqualTo("b");
    }

    @Test
    void toStringShowsCountsButNotTheRecords() {
        assertThat(PageResponse.of(List.of("secret-1"), 7, 1, 5).toString())
                .contains("total=7", "page=1", "size=5", "recordCount=1")
                .doesNotContain("secret-1");
    }
}
