package io.tradekit.sample.nft.inventory.infrastructure;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the DB stock and the inventory flow; stock changes are conditional updates. */
@Mapper
interface InventoryMapper {

    @Insert("INSERT INTO nft_inventory (collection_id, total, stock, created_at, updated_at)"
            + " VALUES (#{id}, #{total}, #{total}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    int insert(@Param("id") long collectionId, @Param("total") int total);

    @Update("UPDATE nft_inventory SET stock = stock - #{q}, updated_at = CURRENT_TIMESTAMP"
            + " WHERE collection_id = #{id} AND stock >= #{q}")
    int deduct(@Param("id") long collectionId, @Param("q") int quantity);

    @Update("UPDATE nft_inventory SET stock = stock + #{q}, updated_at = CURRENT_TIMESTAMP"
            + " WHERE collection_id = #{id} AND stock + #{q} <= total")
    int restore(@Param("id") long collectionId, @Param("q") int quantity);

    @Select("SELECT stock FROM nft_inventory WHERE collection_id = #{id}")
    Integer stock(@Param("id") long collectionId);

    @Select("SELECT total FROM nft_inventory WHERE collection_id = #{id}")
    Integer total(@Param("id") long collectionId);

    @Select("SELECT collection_id FROM nft_inventory ORDER BY collection_id")
    List<Long> collections();

    @Insert("INSERT INTO nft_inventory_flow (collection_id, order_id, buyer_id, identifier, change_type, quantity,"
            + " created_at) VALUES (#{f.collectionId}, #{f.orderId}, #{f.buyerId}, #{f.identifier}, #{f.type},"
            + " #{f.quantity}, CURRENT_TIMESTAMP)")
    int insertFlow(@Param("f") FlowRow flow);

    @Select("SELECT collection_id, order_id, buyer_id, identifier, change_type AS type, quantity FROM nft_inventory_flow"
            + " WHERE collection_id = #{id} ORDER BY id")
    List<FlowRow> flows(@Param("id") long collectionId);

    /** A row of {@code nft_inventory_flow}. */
    class FlowRow {
        private long collectionId;
        private long orderId;
        private Long buyerId;
        private String identifier;
        private String type;
        private int quantity;

        public long getCollectionId() { return collectionId; }
        public void setCollectionId(long collectionId) { this.collectionId = collectionId; }
        public long getOrderId() { return orderId; }
        public void setOrderId(long orderId) { this.orderId = orderId; }
        public Long getBuyerId() { return buyerId; }
        public void setBuyerId(Long buyerId) { this.buyerId = buyerId; }
        public String getIdentifier() { return identifier; }
        public void setIdentifier(String identifier) { this.identifier = identifier; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
    }
}
