package dev.iamgate.example.testing;

import dev.iamgate.example.testing.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends requests from as many threads released together, to race the app against itself. */
public final class AllAtOnce {

    private AllAtOnce() {}

    /** The answers to {@code request.apply(0)} … {@code request.apply(count - 1)}, sent at the same moment. */
    public static List<Response> send(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
