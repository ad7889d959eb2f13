package io.tradekit.sample.nft.collection.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** MyBatis mapper of collections and bookings. */
@Mapper
interface CollectionMapper extends BaseMapper<CollectionDO> {

    @Select("SELECT * FROM nft_collection ORDER BY id DESC LIMIT #{size} OFFSET #{offset}")
    List<CollectionDO> page(@Param("offset") int offset, @Param("size") int size);

    @Update("UPDATE nft_collection SET state = 'ON_SALE', updated_at = CURRENT_TIMESTAMP WHERE id = #{id} AND state = 'INIT'")
    int markOnSale(@Param("id") long id);

    @Insert("INSERT INTO nft_collection_booking (collection_id, user_id, created_at) VALUES (#{c}, #{u}, CURRENT_TIMESTAMP)")
    int book(@Param("c") long collectionId, @Param("u") long userId);

    @Select("SELECT COUNT(*) FROM nft_collection_booking WHERE collection_id = #{c} AND user_id = #{u}")
    int booked(@Param("c") long collectionId, @Param("u") long userId);
}
