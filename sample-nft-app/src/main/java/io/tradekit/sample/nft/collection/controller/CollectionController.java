package io.tradekit.sample.nft.collection.controller;

import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.collection.application.CollectionCommandService;
import io.tradekit.sample.nft.collection.application.CollectionQueryService;
import io.tradekit.sample.nft.collection.application.CollectionView;
import io.tradekit.sample.nft.collection.application.CreateCollectionCommand;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.SessionUser;
import io.tradekit.sample.nft.user.application.UserQueryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/** Browse and book collections; admins create them and open their sale. */
@Tag(name = "collection", description = "NFT collections: browse, book, create and open for sale")
@RestController
class CollectionController {

    private final CollectionCommandService commands;
    private final CollectionQueryService queries;
    private final UserQueryService users;
    private final CurrentSession session;

    CollectionController(CollectionCommandService commands, CollectionQueryService queries, UserQueryService users,
                         CurrentSession session) {
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.session = session;
    }

    @Operation(summary = "List collections, newest first")
    @GetMapping("/collections")
    MultiResponse<CollectionView> list(@RequestParam(name = "page", defaultValue = "1") int page,
                                       @RequestParam(name = "size", defaultValue = "20") int size) {
        return MultiResponse.of(queries.list(page, size));
    }

    @GetMapping("/collections/{collectionId}")
    SingleResponse<CollectionView> detail(@PathVariable("collectionId") long collectionId) {
        return SingleResponse.of(queries.detail(collectionId));
    }

    @PostMapping("/collections/{collectionId}/book")
    SingleResponse<Boolean> book(@PathVariable("collectionId") long collectionId) {
        commands.book(collectionId, SessionUser.userId(session.requireLoginId()));
        return SingleResponse.of(Boolean.TRUE);
    }

    @PostMapping("/admin/collections")
    SingleResponse<Long> create(@RequestBody CreateCollectionCommand command) {
        users.requireAdmin(session.requireLoginId());
        return SingleResponse.of(commands.create(command));
    }

    @Operation(summary = "Open the sale: DB and Redis stock (admin)")
    @PostMapping("/admin/collections/{collectionId}/open")
    SingleResponse<Boolean> open(@PathVariable("collectionId") long collectionId) {
        users.requireAdmin(session.requireLoginId());
        commands.open(collectionId);
        return SingleResponse.of(Boolean.TRUE);
    }
}
