package com.milkrun.http.catalog;

import com.milkrun.access.Capability;
import com.milkrun.catalog.CatalogService;
import com.milkrun.catalog.ProductInput;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.Views;
import java.util.List;

/** The public shop, the vendor portal and the catalog back office. */
public final class CatalogRoutes {
    private final CatalogService catalog;

    public CatalogRoutes(Services services) {
        this.catalog = services.catalog();
    }

    public List<Route> routes() {
        return List.of(
                Route.open("GET", "/products", "ListProducts", this::browse),
                Route.open("GET", "/products/{productId}", "GetProduct", this::product),
                Route.open("GET", "/categories", "ListCategories", this::categories),
                Route.open("GET", "/vendors", "ListVendors", this::vendors),
                Route.open("GET", "/vendors/{vendorId}", "GetVendor", this::vendor),
                Route.secured("GET", "/vendor/profile", "GetVendorProfile", Capability.SELL, this::myVendor),
                Route.secured("PUT", "/vendor/profile", "SaveVendorProfile", Capability.SELL, this::saveMyVendor),
                Route.secured("GET", "/vendor/products", "ListVendorProducts", Capability.SELL, this::myProducts),
                Route.secured("POST", "/vendor/products", "AddProduct", Capability.SELL, this::addProduct),
                Route.secured("GET", "/vendor/products/{productId}", "GetVendorProduct", Capability.SELL, this::myProduct),
                Route.secured("PUT", "/vendor/products/{productId}", "UpdateProduct", Capability.SELL, this::updateProduct),
                Route.secured("PUT", "/vendor/products/{productId}/stock", "SetStock", Capability.SELL, this::setStock),
                Route.secured("GET", "/admin/vendors", "ListAllVendors", Capability.READ_CATALOG_BACKOFFICE, this::allVendors),
                Route.secured("POST", "/admin/vendors/{vendorId}/approve", "ApproveVendor", Capability.ADMINISTER_VENDORS, this::approve),
                Route.secured("POST", "/admin/vendors/{vendorId}/disable", "DisableVendor", Capability.ADMINISTER_VENDORS, this::disable),
                Route.secured("GET", "/admin/products", "ListAllProducts", Capability.READ_CATALOG_BACKOFFICE, this::allProducts));
    }

    private ApiResponse browse(Call call) {
        var page = catalog.browse(call.queryOrNull("q"), call.queryOrNull("category"), call.queryOrNull("vendorId"),
                call.queryOrNull("pincode"), call.page());
        return Responses.ok(Views.page(page, CatalogViews::product));
    }

    private ApiResponse product(Call call) {
        return Responses.ok(CatalogViews.product(catalog.product(call.path("productId"))));
    }

    private ApiResponse categories(Call call) {
        return Responses.ok(Views.list(catalog.categories(), CatalogViews::category));
    }

    private ApiResponse vendors(Call call) {
        return Responses.ok(Views.page(catalog.listedVendors(call.queryOrNull("pincode"), call.page()), CatalogViews::vendor));
    }

    private ApiResponse vendor(Call call) {
        return Responses.ok(CatalogViews.vendor(catalog.listedVendor(call.path("vendorId"))));
    }

    private ApiResponse myVendor(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(catalog.myVendor(call.caller())));
    }

    private ApiResponse saveMyVendor(Call call) {
        Body body = call.body();
        var input = new com.milkrun.catalog.VendorInput(body.string("name"), body.string("description"),
                body.string("contactEmail"), body.string("contactPhone"), body.strings("pincodes"));
        body.throwIfWrongTypes();
        var saved = catalog.saveMyVendor(call.caller(), input);
        return Responses.json(saved.created() ? 201 : 200, CatalogViews.vendorBackOffice(saved.vendor()));
    }

    private ApiResponse myProducts(Call call) {
        return Responses.ok(Views.page(catalog.myProducts(call.caller(), call.page()), CatalogViews::productWithStock));
    }

    private ApiResponse myProduct(Call call) {
        return Responses.ok(CatalogViews.productWithStock(catalog.myProduct(call.caller(), call.path("productId"))));
    }

    private ApiResponse addProduct(Call call) {
        return Responses.created(CatalogViews.productWithStock(catalog.addProduct(call.caller(), productInput(call.body()))));
    }

    private ApiResponse updateProduct(Call call) {
        ProductInput input = productInput(call.body());
        return Responses.ok(CatalogViews.productWithStock(catalog.updateProduct(call.caller(), call.path("productId"), input)));
    }

    private ApiResponse setStock(Call call) {
        Body body = call.body();
        Integer stock = body.integer("stock");
        body.throwIfWrongTypes();
        return Responses.ok(CatalogViews.stock(catalog.setStock(call.caller(), call.path("productId"), stock)));
    }

    private ApiResponse allVendors(Call call) {
        return Responses.ok(Views.page(catalog.allVendors(call.caller(), call.queryOrNull("status"), call.page()),
                CatalogViews::vendorBackOffice));
    }

    private ApiResponse approve(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(catalog.approveVendor(call.caller(), call.path("vendorId"))));
    }

    private ApiResponse disable(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(catalog.disableVendor(call.caller(), call.path("vendorId"))));
    }

    private ApiResponse allProducts(Call call) {
        var page = catalog.allProducts(call.caller(), call.queryOrNull("vendorId"), call.queryOrNull("q"), call.page());
        return Responses.ok(Views.page(page, CatalogViews::productWithStock));
    }

    private static ProductInput productInput(Body body) {
        ProductInput input = new ProductInput(body.string("name"), body.string("category"), body.string("unit"),
                body.decimal("price"), body.string("description"), body.string("imageUrl"), body.bool("active"),
                body.integer("stock"));
        body.throwIfWrongTypes();
        return input;
    }
}
