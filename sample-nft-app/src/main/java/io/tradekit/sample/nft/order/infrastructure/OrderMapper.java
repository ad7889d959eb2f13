package io.tradekit.sample.nft.order.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** MyBatis mapper of orders and their flow; state changes are conditional on the current state. */
@Mapper
interface OrderMapper extends BaseMapper<OrderDO> {

    @Update("UPDATE nft_order SET state = #{to}, pay_no = COALESCE(#{payNo,jdbcType=VARCHAR}, pay_no),"
            + " paid_at = CASE WHEN #{to} = 'PAID' THEN #{at} ELSE paid_at END,"
            + " closed_at = CASE WHEN #{to} IN ('CANCELLED', 'CLOSED', 'FAILED') THEN #{at} ELSE closed_at END"
            + " WHERE id = #{id} AND state = #{from}")
    int transit(@Param("id") long id, @Param("from") String from, @Param("to") String to,
                @Param("at") LocalDateTime at, @Param("payNo") String payNo);

    @Insert("INSERT INTO nft_order_flow (order_id, from_state, to_state, action, created_at)"
            + " VALUES (#{id}, #{from,jdbcType=VARCHAR}, #{to}, #{action}, #{at})")
    int flow(@Param("id") long id, @Param("from") String from, @Param("to") String to,
             @Param("action") String action, @Param("at") LocalDateTime at);

    @Select("SELECT * FROM nft_order WHERE buyer_id = #{buyer} ORDER BY created_at DESC, id DESC LIMIT #{limit}")
    List<OrderDO> byBuyer(@Param("buyer") long buyerId, @Param("limit") int limit);

    @Select("SELECT * FROM nft_order WHERE state = 'CREATED' AND created_at < #{cutoff} ORDER BY created_at LIMIT #{limit}")
    List<OrderDO> unpaidBefore(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);
}
