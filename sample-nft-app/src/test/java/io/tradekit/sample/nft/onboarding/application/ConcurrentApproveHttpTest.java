package io.tradekit.sample.nft.onboarding.application;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two officers of the same branch press "approve" at the same moment, over real HTTP, on several
 * applications: each time exactly one moves it and exactly one transition is recorded; the other
 * is told the state changed.
 */
@SampleAppTest
class ConcurrentApproveHttpTest {

    private static final int ROUNDS = 6;

    @Autowired
    TestRestTemplate rest;

    @Test
    void concurrentApprovalsMakeExactlyOneTransition() throws Exception {
        OnboardingHttp http = new OnboardingHttp(rest);
        List<String> officers = List.of(http.token("officer.a1"), http.token("officer.a2"));
        ExecutorService pool = Executors.newFixedThreadPool(officers.size());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long id = http.submit(officers.get(0), OnboardingTestData.request("并发" + OnboardingTestData.unique()));
                http.act(officers.get(0), id, "PRE_REVIEW");

                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
                for (String officer : officers) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return http.post("/onboarding/applications/" + id + "/actions/APPROVE", null, officer);
                    }));
                }
                start.countDown();
                List<HttpStatus> statuses = new ArrayList<>();
                for (Future<ResponseEntity<String>> call : calls) {
                    ResponseEntity<String> response = call.get(60, TimeUnit.SECONDS);
                    statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
                    if (response.getStatusCode() != HttpStatus.OK) {
                        assertThat(json(response).get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.UNPROCESSABLE_ENTITY);

                JsonNode detail = json(http.get("/onboarding/applications/" + id, officers.get(0))).get("data");
                assertThat(detail.get("status").asText()).isEqualTo("DUE_DILIGENCE");
                List<String> approvals = new ArrayList<>();
                detail.get("transitions").forEach(t -> {
                    if (t.get("action").asText().equals("APPROVE")) {
                        approvals.add(t.get("actor").asText());
                    }
                });
                assertThat(approvals).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
