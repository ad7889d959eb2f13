package io.tradekit.sample.nft.user.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** MyBatis mapper of {@code nft_user}; state changes are conditional updates. */
@Mapper
interface UserMapper extends BaseMapper<UserDO> {

    // id_card_hash is unique (V102): the second account naming a bound ID number fails here, whatever the race.
    @Update("UPDATE nft_user SET state = 'AUTHENTICATED', real_name = #{realName}, id_card_no = #{idCardNo},"
            + " id_card_hash = #{idCardHash}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id} AND state = 'INIT'")
    int authenticate(@Param("id") long id, @Param("realName") String realName, @Param("idCardNo") String idCardNo,
                     @Param("idCardHash") String idCardHash);

    @Update("UPDATE nft_user SET state = 'FROZEN', updated_at = CURRENT_TIMESTAMP WHERE id = #{id} AND state <> 'FROZEN'")
    int freeze(@Param("id") long id);

    /** Authenticated rows from before V102, without a fingerprint, past {@code afterId}, in id order. */
    @Select("SELECT id, id_card_no FROM nft_user WHERE id_card_no IS NOT NULL AND id_card_hash IS NULL"
            + " AND id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<UserDO> unfingerprinted(@Param("afterId") long afterId, @Param("limit") int limit);

    @Update("UPDATE nft_user SET id_card_hash = #{idCardHash} WHERE id = #{id} AND id_card_hash IS NULL")
    int fingerprint(@Param("id") long id, @Param("idCardHash") String idCardHash);
}
